package io.sluice.bench.runner;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One {@link ChildLauncher} per engine, each with this JVM's class path minus the other engine's
 * RocksDB: both engines ship {@code org.rocksdb} classes and native libraries of different RocksDB
 * versions ({@code rocksdbjni} for Sluice, Flink's {@code frocksdbjni}), and which one a JVM loads
 * would otherwise depend on the order of the class path.
 */
final class EngineLaunchers {
  private EngineLaunchers() {}

  /**
   * Launchers by engine id ({@code sluice}, {@code flink}, and {@code java} for the plain baseline,
   * which loads neither RocksDB), logging into {@code logs}.
   */
  static Map<String, ChildLauncher> create(Path logs) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ChildLauncher sluice =
        new ChildLauncher(
            java, classPathWithout("frocksdbjni", "flink-statebackend-rocksdb"), logs);
    return Map.of(
        "sluice",
        sluice,
        "java",
        sluice,
        "flink",
        new ChildLauncher(java, classPathWithout("/rocksdbjni-", "sluice-state-rocksdb"), logs));
  }

  /** This JVM's class path without the entries that contain any of {@code fragments}. */
  private static String classPathWithout(String... fragments) {
    List<String> kept = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Arrays.stream(fragments).noneMatch(entry::contains)) {
        kept.add(entry);
      }
    }
    return String.join(File.pathSeparator, kept);
  }
}
