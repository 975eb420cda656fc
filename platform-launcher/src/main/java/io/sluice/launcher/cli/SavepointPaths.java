package io.sluice.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Savepoint folders given on the command line: resolved against the caller's working directory
 * before they reach the platform, which may run elsewhere.
 */
final class SavepointPaths {

  private SavepointPaths() {}

  /** The absolute form of a target folder (it need not exist yet). */
  static String absolute(String directory) {
    return Path.of(directory).toAbsolutePath().normalize().toString();
  }

  /**
   * The absolute form of a savepoint to start from, or null for none.
   *
   * @throws IllegalArgumentException if there is no folder at that path
   */
  static String existing(String savepoint) {
    if (savepoint == null) {
      return null;
    }
    Path path = Path.of(savepoint).toAbsolutePath().normalize();
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(
          "no savepoint at "
              + savepoint
              + ": "
              + (Files.exists(path) ? "it is a file, not a savepoint folder" : "no such folder")
              + "; pass the folder sluice savepoint printed");
    }
    return path.toString();
  }
}
