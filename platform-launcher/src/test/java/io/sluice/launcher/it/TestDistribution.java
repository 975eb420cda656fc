package io.sluice.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.launcher.platform.Distribution;
import io.sluice.launcher.platform.LauncherSettings;
import io.sluice.launcher.platform.PlatformOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private copy of the built distribution ({@code target/sluice}) in a temporary folder, so each
 * test has its own deploy/, conf/ and data/ and can change features and bundles.
 */
final class TestDistribution {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final Distribution distribution;

  private TestDistribution(Distribution distribution) {
    this.distribution = distribution;
  }

  static TestDistribution copy(Path into) throws IOException {
    Path built = Path.of(System.getProperty("sluice.test.distribution", "target/sluice"));
    assertThat(built.resolve("bundles")).as("the built distribution; run mvn verify").isDirectory();
    for (String folder : List.of("bundles", "features", "conf", "examples", "lib")) {
      copyFolder(built.resolve(folder), into.resolve(folder));
    }
    for (String folder : List.of("deploy", "log", "data")) {
      Files.createDirectories(into.resolve(folder));
    }
    return new TestDistribution(new Distribution(into));
  }

  /**
   * Drops the runtime bundle from feature core (the real runtime is not the launcher's to test).
   */
  TestDistribution withoutRuntime() throws IOException {
    Path core = distribution.features().resolve("core.xml");
    List<String> lines = Files.readAllLines(core);
    List<String> kept = lines.stream().filter(l -> !l.contains("sluice-runtime.jar")).toList();
    assertThat(kept).as("core.xml names sluice-runtime.jar").hasSize(lines.size() - 1);
    Files.write(core, kept);
    return this;
  }

  /** Puts the fake runtime in place of bundles/sluice-runtime.jar. */
  TestDistribution withFakeRuntime() throws IOException {
    TestBundles.fakeRuntime(distribution.bundles().resolve("sluice-runtime.jar"));
    return this;
  }

  TestDistribution withFeatures(String file, String xml) throws IOException {
    Files.writeString(distribution.features().resolve(file), xml);
    return this;
  }

  PlatformOptions options(boolean longRunning, List<String> features) {
    return new PlatformOptions(
        distribution,
        distribution.data().resolve("felix-cache"),
        longRunning,
        features,
        TIMEOUT,
        Map.of());
  }

  LauncherSettings settings() {
    return LauncherSettings.load(distribution.settingsFile());
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
