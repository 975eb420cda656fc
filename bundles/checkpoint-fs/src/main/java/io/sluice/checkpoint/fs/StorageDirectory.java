package io.sluice.checkpoint.fs;

import java.nio.file.Path;

/** Turns the configured directory and the framework's {@code sluice.home} into a path. */
final class StorageDirectory {
  /** The framework property holding the distribution's root folder. */
  static final String HOME_PROPERTY = "sluice.home";

  private StorageDirectory() {}

  /**
   * @param configured the {@code directory} setting, possibly empty
   * @param home the {@code sluice.home} framework property, or null when not run from a
   *     distribution (then paths are relative to the working directory)
   */
  static Path resolve(String configured, String home) {
    Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
    if (configured == null || configured.isBlank()) {
      return base.resolve("data").resolve("checkpoints").toAbsolutePath().normalize();
    }
    return base.resolve(configured.trim()).toAbsolutePath().normalize();
  }
}
