package io.sluice.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.launcher.control.ControlServer;
import io.sluice.launcher.control.NoPlatformException;
import io.sluice.launcher.platform.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sluice} commands end to end, with a fake runtime bundle standing in for the real one:
 * it registers JobControl and ends every job at once, FAILED if asked with {@code --fail}.
 */
class CliIT {

  @TempDir Path home;

  private final CliRunner cli = new CliRunner();

  private int sluice(TestDistribution dist, String... args) {
    return cli.run(dist, args);
  }

  private String out() {
    return cli.out();
  }

  private String err() {
    return cli.err();
  }

  @Test
  void runExitsZeroWhenTheJobFinishes() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withFakeRuntime();
    Path job = TestBundles.bundle(home.resolve("jobs/ok.jar"), "test.job.ok", "test.OkJob");

    assertThat(sluice(dist, "run", job.toString(), "--parallelism", "2", "--", "in.txt")).isZero();
    assertThat(err()).isEmpty();
  }

  @Test
  void runPrintsTheJobsErrorAndExitsOneWhenTheJobFails() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withFakeRuntime();
    Path job = TestBundles.bundle(home.resolve("jobs/bad.jar"), "test.job.bad", "test.BadJob");

    int code = sluice(dist, "run", job.toString(), "-p", "3", "--", "--fail", "x");

    assertThat(code).isEqualTo(1);
    assertThat(err())
        .startsWith("sluice: job test.BadJob (job-1) FAILED: ")
        .contains("asked to fail with args [--fail, x] at parallelism 3");
  }

  @Test
  void runRefusesANonBundleABundleWithoutJobAndAMissingFileInOneParagraph() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withFakeRuntime();
    Path plain = TestBundles.plainJar(home.resolve("plain.jar"));
    Path library = TestBundles.bundle(home.resolve("lib.jar"), "test.lib", null);

    assertThat(sluice(dist, "run", plain.toString())).isEqualTo(1);
    assertThat(err()).contains("is a jar but not an OSGi bundle").hasLineCount(1);

    assertThat(sluice(dist, "run", library.toString())).isEqualTo(1);
    assertThat(err())
        .contains("is bundle test.lib but not a job: its manifest has no Sluice-Job header")
        .hasLineCount(1);

    assertThat(sluice(dist, "run", "no-such-job")).isEqualTo(1);
    assertThat(err())
        .contains("no job jar 'no-such-job'")
        .contains("examples: exactly-once-counter, hot-items, late-data, wordcount")
        .hasLineCount(1);
  }

  @Test
  void clientCommandsSayNoPlatformIsRunningWhenNoneIs() throws Exception {
    TestDistribution dist = TestDistribution.copy(home);

    assertThat(sluice(dist, "list")).isEqualTo(1);
    assertThat(err().strip()).isEqualTo("sluice: " + NoPlatformException.MESSAGE);
    assertThat(sluice(dist, "stop")).isEqualTo(1);
    assertThat(err().strip()).isEqualTo("sluice: " + NoPlatformException.MESSAGE);
  }

  @Test
  void clientCommandsDriveARunningPlatformThroughTheControlApi() throws Exception {
    TestDistribution dist = TestDistribution.copy(home).withFakeRuntime();
    Path job = TestBundles.bundle(home.resolve("jobs/ok.jar"), "test.job.ok", "test.OkJob");
    Path library = TestBundles.bundle(home.resolve("lib.jar"), "test.lib", null);

    try (Platform platform = Platform.start(dist.options(true, List.of("core")));
        ControlServer server = ControlServer.start(platform, 0, () -> {})) {
      Files.writeString(dist.distribution.portFile(), server.port() + "\n");

      assertThat(sluice(dist, "submit", job.toString(), "-p", "2", "--", "a")).isZero();
      assertThat(out()).startsWith("submitted job job-1 (test.OkJob), status FINISHED");

      assertThat(sluice(dist, "list")).isZero();
      assertThat(out().lines().toList())
          .hasSize(2)
          .element(1)
          .asString()
          .startsWith("job-1")
          .contains("FINISHED");

      assertThat(sluice(dist, "install", library.toString())).isZero();
      assertThat(out()).contains("test.lib 1.0.0, ACTIVE");
      long libraryId =
          platform.bundles().stream()
              .filter(b -> b.symbolicName().equals("test.lib"))
              .findFirst()
              .orElseThrow()
              .id();

      assertThat(sluice(dist, "bundles")).isZero();
      assertThat(out()).contains("sluice-runtime").contains("test.lib");

      assertThat(sluice(dist, "uninstall", Long.toString(libraryId))).isZero();
      assertThat(platform.bundles()).noneMatch(b -> b.symbolicName().equals("test.lib"));

      assertThat(sluice(dist, "features")).isZero();
      assertThat(out()).containsPattern("core\\s+yes");

      assertThat(sluice(dist, "feature", "uninstall", "core", "--dry-run")).isZero();
      assertThat(out()).contains("dry run").contains("uninstall  sluice-runtime.jar");
      assertThat(platform.features().installed()).containsExactly("core");

      assertThat(sluice(dist, "feature", "install", "kafka")).isEqualTo(1);
      assertThat(err()).contains("unknown feature 'kafka'; known features: core, rocksdb");

      assertThat(sluice(dist, "cancel", "job-9")).isEqualTo(1);
      assertThat(err()).contains("no job job-9");
    }
  }
}
