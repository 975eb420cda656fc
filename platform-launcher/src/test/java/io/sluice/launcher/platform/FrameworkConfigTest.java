package io.sluice.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameworkConfigTest {

  private static final Distribution DIST = new Distribution(Path.of("/opt/sluice"));

  private static Map<String, String> config(boolean longRunning, Map<String, String> overrides) {
    return FrameworkConfig.of(
        new PlatformOptions(
            DIST,
            Path.of("/tmp/storage"),
            longRunning,
            List.of("core"),
            Duration.ofSeconds(1),
            overrides));
  }

  @Test
  void systemBundleExportsThePlatformApiAndStorageIsCleanedOnFirstInit() {
    Map<String, String> config = config(true, Map.of());

    assertThat(config)
        .containsEntry(
            "org.osgi.framework.system.packages.extra", "io.sluice.platform;version=1.1.0")
        .containsEntry("org.osgi.framework.storage", "/tmp/storage")
        .containsEntry("org.osgi.framework.storage.clean", "onFirstInit")
        .containsEntry("sluice.home", "/opt/sluice");
  }

  @Test
  void longRunningPlatformWatchesDeployAndConfAndSavesConfigChanges() {
    Map<String, String> config = config(true, Map.of());

    assertThat(config)
        .containsEntry("felix.fileinstall.dir", "/opt/sluice/deploy,/opt/sluice/conf")
        .containsEntry("felix.fileinstall.noInitialDelay", "true")
        .containsEntry("felix.fileinstall.poll", "1000")
        .containsEntry("felix.fileinstall.enableConfigSave", "true");
  }

  @Test
  void oneShotPlatformWatchesOnlyConfAndWritesNothingBack() {
    Map<String, String> config = config(false, Map.of());

    assertThat(config)
        .containsEntry("felix.fileinstall.dir", "/opt/sluice/conf")
        .containsEntry("felix.fileinstall.enableConfigSave", "false");
  }

  @Test
  void settingsOverrideTheLaunchersDefaults() {
    assertThat(config(true, Map.of("felix.fileinstall.poll", "5000")))
        .containsEntry("felix.fileinstall.poll", "5000");
  }

  @Test
  void fileInstallFilterTakesBundlesAndConfigurationsButNotOtherFiles() {
    String filter = config(true, Map.of()).get("felix.fileinstall.filter");

    assertThat("job.jar").matches(filter);
    assertThat("io.sluice.runtime.cfg").matches(filter);
    assertThat("sluice.properties").doesNotMatch(filter);
    assertThat("README.txt").doesNotMatch(filter);
  }
}
