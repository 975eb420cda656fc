package io.sluice.bench.runner;

import io.sluice.bench.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine the results come from, so numbers are never quoted without it.
 *
 * @param cpu the CPU model
 * @param cores processors available to the JVM
 * @param memoryGib total memory
 * @param os operating system and kernel
 * @param java the JVM the children run on
 */
public record MachineInfo(String cpu, int cores, double memoryGib, String os, String java) {

  /** The machine this JVM runs on. */
  public static MachineInfo current() {
    return new MachineInfo(
        procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(),
        procField("/proc/meminfo", "MemTotal")
            .map(v -> Long.parseLong(v.replace("kB", "").trim()) / (1024.0 * 1024.0))
            .orElse(-1.0),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
  }

  /** The 1-minute load average, or -1 where unknown: the machine may be shared. */
  public static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** One line: CPU, cores, memory, OS, JVM. */
  public String describe() {
    return String.format("%s, %d cores, %.0f GiB RAM, %s, %s", cpu, cores, memoryGib, os, java);
  }

  Json.ObjectBuilder toJson() {
    return Json.object()
        .put("cpu", cpu)
        .put("cores", cores)
        .put("memoryGib", memoryGib)
        .put("os", os)
        .put("java", java);
  }

  private static Optional<String> procField(String file, String name) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (String line : lines) {
        if (line.startsWith(name)) {
          return Optional.of(line.substring(line.indexOf(':') + 1).trim());
        }
      }
    } catch (IOException e) {
      // not Linux: fall back
    }
    return Optional.empty();
  }
}
