package io.sluice.launcher.feature;

/** Where a feature's default configurations go (Config Admin, in the real platform). */
@FunctionalInterface
public interface ConfigDefaults {

  /**
   * Creates the configuration unless one with its PID exists already.
   *
   * @return true if it was created, false if an existing one was kept
   */
  boolean applyIfAbsent(FeatureConfig config);
}
