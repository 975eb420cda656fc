package io.sluice.launcher.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to boot one {@link Platform}.
 *
 * @param distribution where bundles, features and conf come from
 * @param storage the framework's storage folder; cleaned when the framework first initialises
 * @param longRunning true for the background platform: File Install then also watches {@code
 *     deploy/} and writes configuration changes back to {@code conf/*.cfg}; false for a one-shot
 *     {@code sluice run}, which must not pick up what is meant for the long-running one
 * @param features the features installed at boot
 * @param serviceTimeout how long to wait for a service such as JobControl or Config Admin
 * @param frameworkProperties extra framework properties, overriding the launcher's defaults
 */
public record PlatformOptions(
    Distribution distribution,
    Path storage,
    boolean longRunning,
    List<String> features,
    Duration serviceTimeout,
    Map<String, String> frameworkProperties) {

  public PlatformOptions {
    storage = storage.toAbsolutePath().normalize();
    features = List.copyOf(features);
    frameworkProperties = Map.copyOf(frameworkProperties);
  }

  /**
   * The long-running platform of a distribution, as {@code conf/sluice.properties} configures it.
   */
  public static PlatformOptions longRunning(Distribution distribution, LauncherSettings settings) {
    return new PlatformOptions(
        distribution,
        distribution.felixCache(),
        true,
        settings.features(),
        settings.serviceTimeout(),
        settings.frameworkProperties());
  }

  /** A one-shot platform with its own storage, so it can run beside a long-running one. */
  public static PlatformOptions oneShot(
      Distribution distribution, LauncherSettings settings, Path storage) {
    return new PlatformOptions(
        distribution,
        storage,
        false,
        settings.features(),
        settings.serviceTimeout(),
        settings.frameworkProperties());
  }
}
