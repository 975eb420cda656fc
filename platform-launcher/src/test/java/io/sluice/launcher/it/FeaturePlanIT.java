package io.sluice.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.launcher.feature.FeatureException;
import io.sluice.launcher.feature.FeaturePlan;
import io.sluice.launcher.feature.FeatureResult;
import io.sluice.launcher.feature.FeatureService;
import io.sluice.launcher.feature.PlannedBundle;
import io.sluice.launcher.platform.BundleInfo;
import io.sluice.launcher.platform.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature plans and their execution on a real framework with the real OSGi bundles of core: {@code
 * ds} and {@code cm} share the {@code libs} feature, so uninstalling one must keep the libraries.
 */
class FeaturePlanIT {

  private static final String FEATURES =
      """
      <features>
        <feature name="libs">
          <bundle start-level="1">org.osgi.util.function.jar</bundle>
          <bundle start-level="1">org.osgi.util.promise.jar</bundle>
        </feature>
        <feature name="ds">
          <feature>libs</feature>
          <bundle start-level="1">org.osgi.service.component.jar</bundle>
          <bundle start-level="2">org.apache.felix.scr.jar</bundle>
        </feature>
        <feature name="cm">
          <feature>libs</feature>
          <bundle start-level="2">org.apache.felix.configadmin.jar</bundle>
          <config pid="io.sluice.test.cm">greeting = hello</config>
        </feature>
      </features>
      """;

  @TempDir Path home;
  private Platform platform;
  private FeatureService features;

  @BeforeEach
  void boot() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withFeatures("test.xml", FEATURES);
    platform = Platform.start(dist.options(false, List.of()));
    features = platform.features();
  }

  @AfterEach
  void shutDown() {
    platform.close();
  }

  private Map<String, String> states() {
    return platform.bundles().stream()
        .filter(b -> b.id() != 0)
        .collect(Collectors.toMap(BundleInfo::symbolicName, BundleInfo::state));
  }

  private static List<String> names(List<PlannedBundle> bundles) {
    return bundles.stream().map(PlannedBundle::name).toList();
  }

  @Test
  void installPlanNamesEveryMissingBundleAndStartsThemInStartLevelOrder() {
    FeaturePlan plan = features.planInstall(List.of("ds"));

    assertThat(names(plan.install()))
        .containsExactly(
            "org.osgi.util.function.jar",
            "org.osgi.util.promise.jar",
            "org.osgi.service.component.jar",
            "org.apache.felix.scr.jar");
    assertThat(plan.start()).extracting(PlannedBundle::startLevel).containsExactly(1, 1, 1, 2);
    assertThat(plan.stop()).isEmpty();
    assertThat(plan.uninstall()).isEmpty();
  }

  @Test
  void dryRunChangesNothing() {
    Map<String, String> before = states();

    FeatureResult result = features.install(List.of("ds"), true);

    assertThat(result.dryRun()).isTrue();
    assertThat(result.plan().install()).hasSize(4);
    assertThat(states()).isEqualTo(before);
    assertThat(features.installed()).isEmpty();
  }

  @Test
  void installingStartsEveryBundleAndASecondFeaturePlansOnlyWhatIsMissing() {
    FeatureResult ds = features.install(List.of("ds"), false);

    assertThat(ds.problems()).isEmpty();
    assertThat(states())
        .isEqualTo(
            Map.of(
                "org.osgi.util.function", "ACTIVE",
                "org.osgi.util.promise", "ACTIVE",
                "org.osgi.service.component", "ACTIVE",
                "org.apache.felix.scr", "ACTIVE"));

    FeaturePlan cm = features.planInstall(List.of("cm"));
    assertThat(names(cm.install())).containsExactly("org.apache.felix.configadmin.jar");
    assertThat(names(cm.start())).containsExactly("org.apache.felix.configadmin.jar");
    assertThat(cm.configs()).extracting(c -> c.pid()).containsExactly("io.sluice.test.cm");
  }

  @Test
  void featureConfigurationReachesConfigAdmin() {
    FeatureResult result = features.install(List.of("cm"), false);

    assertThat(result.problems()).isEmpty();
    assertThat(platform.configuration("io.sluice.test.cm"))
        .get()
        .extracting(c -> c.get("greeting"))
        .isEqualTo("hello");
  }

  @Test
  void uninstallingAFeatureKeepsTheBundlesAnotherInstalledFeatureNeeds() {
    features.install(List.of("ds"), false);
    features.install(List.of("cm"), false);

    FeatureResult result = features.uninstall("ds", false);

    assertThat(names(result.plan().uninstall()))
        .containsExactly("org.osgi.service.component.jar", "org.apache.felix.scr.jar");
    assertThat(names(result.plan().stop()))
        .containsExactly("org.apache.felix.scr.jar", "org.osgi.service.component.jar");
    assertThat(result.problems()).isEmpty();
    assertThat(states())
        .isEqualTo(
            Map.of(
                "org.osgi.util.function", "ACTIVE",
                "org.osgi.util.promise", "ACTIVE",
                "org.apache.felix.configadmin", "ACTIVE"));
    assertThat(features.installed()).containsExactly("cm");
  }

  @Test
  void uninstallPlanListsTheBundlesARefreshWouldRestart() throws Exception {
    features.install(List.of("libs"), false);
    Path bundles = home.resolve("bundles");
    platform.install(bundles.resolve("org.osgi.service.component.jar")).start();
    platform.install(bundles.resolve("org.apache.felix.scr.jar")).start();
    Map<String, String> before = states();

    FeaturePlan plan = features.uninstall("libs", true).plan();

    assertThat(names(plan.uninstall()))
        .containsExactly("org.osgi.util.function.jar", "org.osgi.util.promise.jar");
    // SCR 2.2 imports org.osgi.util.promise, so removing libs refreshes it.
    assertThat(names(plan.refresh())).contains("org.apache.felix.scr");
    assertThat(states()).isEqualTo(before);
  }

  @Test
  void uninstallingAFeatureThatIsNotInstalledOrStillNeededIsRefused() {
    features.install(List.of("libs", "ds"), false);

    assertThatThrownBy(() -> features.uninstall("cm", true))
        .isInstanceOf(FeatureException.class)
        .hasMessage("feature 'cm' is not installed; installed features: libs, ds");
    assertThatThrownBy(() -> features.uninstall("libs", true))
        .isInstanceOf(FeatureException.class)
        .hasMessage("feature 'libs' is needed by installed feature 'ds'; uninstall 'ds' first");
    assertThatThrownBy(() -> features.install(List.of("nope"), true))
        .hasMessageStartingWith("unknown feature 'nope'; known features: cm, core, ds, libs");
  }

  @Test
  void featureNamingAMissingJarIsAnErrorBeforeAnythingChanges() throws Exception {
    FeatureService withGhost =
        new FeatureService(
            platform.context(),
            new io.sluice.launcher.feature.FeatureRepository(
                List.of(
                    new io.sluice.launcher.feature.Feature(
                        "ghost",
                        "",
                        List.of(),
                        List.of(new io.sluice.launcher.feature.FeatureBundle("ghost.jar", 1)),
                        List.of(),
                        "inline"))),
            home.resolve("bundles"),
            config -> true,
            TestDistribution.TIMEOUT);

    assertThatThrownBy(() -> withGhost.install(List.of("ghost"), false))
        .isInstanceOf(FeatureException.class)
        .hasMessage(
            "feature 'ghost' names bundle ghost.jar, which is not in " + home.resolve("bundles"));
    assertThat(states()).isEmpty();
  }
}
