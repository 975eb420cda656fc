package io.sluice.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.launcher.feature.FeatureException;
import io.sluice.launcher.platform.BundleInfo;
import io.sluice.launcher.platform.Platform;
import io.sluice.launcher.platform.PlatformException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/** Boots the real framework with feature core (minus the runtime) from the built distribution. */
class PlatformIT {

  @TempDir Path home;

  @Test
  void everyCoreBundleBecomesActiveAtTheStartLevelItsFeatureNames() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withoutRuntime();

    try (Platform platform = Platform.start(dist.options(true, List.of("core")))) {
      List<BundleInfo> bundles = platform.bundles().stream().filter(b -> b.id() != 0).toList();

      assertThat(bundles)
          .extracting(BundleInfo::symbolicName, BundleInfo::state, BundleInfo::startLevel)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("org.osgi.util.function", "ACTIVE", 1),
              org.assertj.core.groups.Tuple.tuple("org.osgi.util.promise", "ACTIVE", 1),
              org.assertj.core.groups.Tuple.tuple("org.osgi.service.component", "ACTIVE", 1),
              org.assertj.core.groups.Tuple.tuple("org.apache.felix.scr", "ACTIVE", 2),
              org.assertj.core.groups.Tuple.tuple("org.apache.felix.configadmin", "ACTIVE", 2),
              org.assertj.core.groups.Tuple.tuple("org.apache.felix.fileinstall", "ACTIVE", 3),
              org.assertj.core.groups.Tuple.tuple("sluice-api", "ACTIVE", 4),
              org.assertj.core.groups.Tuple.tuple("sluice-shuffle-local", "ACTIVE", 5),
              org.assertj.core.groups.Tuple.tuple("sluice-state-heap", "ACTIVE", 5),
              org.assertj.core.groups.Tuple.tuple("sluice-checkpoint-fs", "ACTIVE", 5));
      assertThat(platform.features().installed()).containsExactly("core");
    }
  }

  @Test
  void jarDroppedIntoDeployIsInstalledAndStartedAndRemovingItUninstallsIt() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withoutRuntime();
    Path staged = TestBundles.bundle(home.resolve("staging/dropped.jar"), "test.dropped", null);

    try (Platform platform = Platform.start(dist.options(true, List.of("core")))) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch uninstalled = new CountDownLatch(1);
      BundleListener listener =
          event -> {
            if ("test.dropped".equals(event.getBundle().getSymbolicName())) {
              if (event.getType() == BundleEvent.STARTED) {
                started.countDown();
              } else if (event.getType() == BundleEvent.UNINSTALLED) {
                uninstalled.countDown();
              }
            }
          };
      platform.context().addBundleListener(listener);

      Path dropped = Files.copy(staged, dist.distribution.deploy().resolve("dropped.jar"));
      assertThat(started.await(30, TimeUnit.SECONDS))
          .as("File Install started the dropped bundle")
          .isTrue();
      assertThat(platform.bundles())
          .filteredOn(b -> b.symbolicName().equals("test.dropped"))
          .singleElement()
          .extracting(BundleInfo::state)
          .isEqualTo("ACTIVE");

      Files.delete(dropped);
      assertThat(uninstalled.await(30, TimeUnit.SECONDS))
          .as("File Install uninstalled the removed bundle")
          .isTrue();
      assertThat(platform.bundles()).noneMatch(b -> b.symbolicName().equals("test.dropped"));
    }
  }

  @Test
  void oneShotPlatformDoesNotWatchDeploy() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withoutRuntime();
    TestBundles.bundle(dist.distribution.deploy().resolve("waiting.jar"), "test.waiting", null);
    Files.writeString(
        dist.distribution.conf().resolve("io.sluice.test.marker.cfg"), "seen = yes\n");

    try (Platform platform = Platform.start(dist.options(false, List.of("core")))) {
      // Once File Install has scanned conf/, a deploy/ watcher would have had its first scan too.
      Await.until(
          "conf/io.sluice.test.marker.cfg reached Config Admin",
          TestDistribution.TIMEOUT,
          () -> platform.configuration("io.sluice.test.marker").isPresent());

      assertThat(platform.bundles()).noneMatch(b -> "test.waiting".equals(b.symbolicName()));
    }
  }

  @Test
  void confFileWinsOverFeatureDefaultAndDefaultFillsTheRest() throws Exception {
    TestDistribution dist =
        TestDistribution.copy(home)
            .withoutRuntime()
            .withFeatures(
                "defaults.xml",
                """
                <feature name="defaults">
                  <feature>core</feature>
                  <config pid="io.sluice.test.a">value = from-feature</config>
                  <config pid="io.sluice.test.b">value = from-feature</config>
                </feature>
                """);
    Files.writeString(
        dist.distribution.conf().resolve("io.sluice.test.b.cfg"), "value = from-file\n");

    try (Platform platform = Platform.start(dist.options(true, List.of("defaults")))) {
      Await.until(
          "conf/io.sluice.test.b.cfg reached Config Admin",
          TestDistribution.TIMEOUT,
          () ->
              platform
                  .configuration("io.sluice.test.b")
                  .map(c -> "from-file".equals(c.get("value")))
                  .orElse(false));

      assertThat(platform.configuration("io.sluice.test.a"))
          .get()
          .extracting(c -> c.get("value"))
          .isEqualTo("from-feature");
    }
  }

  @Test
  void missingRuntimeGivesAnErrorNamingTheRuntimeBundle() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withoutRuntime();

    try (Platform platform = Platform.start(dist.options(false, List.of("core")))) {
      assertThatThrownBy(() -> platform.jobControl(Duration.ofMillis(100)))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("no JobControl service")
          .hasMessageContaining("sluice-runtime is not installed");
    }
  }

  @Test
  void unknownFeatureFailsBeforeTheFrameworkBoots() throws Exception {
    TestDistribution dist = TestDistribution.copy(home);

    assertThatThrownBy(() -> Platform.start(dist.options(false, List.of("core", "kafak"))))
        .isInstanceOf(FeatureException.class)
        .hasMessage("unknown feature 'kafak'; known features: core, rocksdb");
    assertThat(dist.distribution.data().resolve("felix-cache")).doesNotExist();
  }

  @Test
  void bundleThatDoesNotResolveStopsTheBootWithItsName() throws Exception {
    TestDistribution dist =
        TestDistribution.copy(home)
            .withFeatures(
                "broken.xml",
                "<feature name='broken'><bundle>org.apache.felix.scr.jar</bundle></feature>");

    assertThatThrownBy(() -> Platform.start(dist.options(false, List.of("broken"))))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith("the platform did not start:")
        .hasMessageContaining("org.apache.felix.scr.jar did not start")
        .hasMessageContaining("org.osgi.");
  }

  @Test
  void installingANonBundleOrUninstallingTheFrameworkIsRefusedClearly() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withoutRuntime();
    Path plain = TestBundles.plainJar(home.resolve("plain.jar"));

    try (Platform platform = Platform.start(dist.options(false, List.of()))) {
      assertThatThrownBy(() -> platform.install(plain))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("is a jar but not an OSGi bundle");
      assertThatThrownBy(() -> platform.uninstall(0))
          .hasMessageContaining("bundle 0 is the framework itself");
      assertThatThrownBy(() -> platform.uninstall(99))
          .hasMessage("no bundle with id 99; list them with: sluice bundles");
      Bundle installed =
          platform.install(TestBundles.bundle(home.resolve("b.jar"), "test.b", null));
      assertThat(platform.uninstall(installed.getBundleId()).symbolicName()).isEqualTo("test.b");
      assertThat(Set.copyOf(platform.bundles().stream().map(BundleInfo::symbolicName).toList()))
          .isEqualTo(Set.of("org.apache.felix.framework"));
    }
  }
}
