package io.sluice.api.windowing.assigners;

import java.time.Duration;

/** Checks of the durations assigners are built with; they fail at job-building time. */
final class TimeWindowSizes {
  private TimeWindowSizes() {}

  static long positive(Duration duration, String what) {
    long millis = duration.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException(what + " must be at least 1 ms: " + duration);
    }
    return millis;
  }

  /** An offset shifts windows within one slide, so it must be smaller than the slide. */
  static long offset(Duration offset, long slide) {
    long millis = offset.toMillis();
    if (Math.abs(millis) >= slide) {
      throw new IllegalArgumentException(
          "window offset " + offset + " must be smaller than the window slide (" + slide + " ms)");
    }
    return millis;
  }
}
