package io.sluice.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a one-shot run's framework storage. */
final class TempFolders {

  private TempFolders() {}

  /** Deletes the folder and everything in it; what cannot be deleted is left behind silently. */
  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(TempFolders::deleteOne);
    } catch (IOException | RuntimeException e) {
      // a leftover temporary folder is harmless
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // see delete()
    }
  }
}
