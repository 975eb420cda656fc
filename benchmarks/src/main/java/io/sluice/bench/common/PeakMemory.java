package io.sluice.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The peak resident set size of this process, as Linux reports it. */
public final class PeakMemory {
  private PeakMemory() {}

  /** VmHWM from /proc/self/status in KiB, or -1 where that file does not exist. */
  public static long peakRssKib() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
      return -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
