package io.sluice.api.windowing.windows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The half-open interval of time {@code [start, end)}: a timestamp {@code t} belongs to it when
 * {@code start <= t < end}, so {@link #maxTimestamp()} is {@code end - 1}.
 *
 * @param start the first timestamp of the window (inclusive), in milliseconds
 * @param end the first timestamp after the window (exclusive), in milliseconds
 */
public record TimeWindow(long start, long end) implements Window {

  public TimeWindow {
    if (end < start) {
      throw new IllegalArgumentException(
          "a window cannot end (" + end + ") before it starts (" + start + ")");
    }
  }

  /** Same as {@link #start()}, under the name Flink users know. */
  public long getStart() {
    return start;
  }

  /** Same as {@link #end()}, under the name Flink users know. */
  public long getEnd() {
    return end;
  }

  @Override
  public long maxTimestamp() {
    return end - 1;
  }

  /**
   * Whether the windows overlap or touch: {@code [0, 5)} and {@code [5, 10)} intersect, so session
   * windows whose gaps meet merge.
   */
  public boolean intersects(TimeWindow other) {
    return start <= other.end && end >= other.start;
  }

  /** The smallest window that covers both. */
  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  /**
   * The start of the window of length {@code size} that contains {@code timestamp}, for windows
   * aligned to the epoch shifted by {@code offset}: {@code start = offset + k * size} for some
   * integer {@code k}. Correct for negative timestamps as well.
   */
  public static long windowStart(long timestamp, long offset, long size) {
    return timestamp - Math.floorMod(timestamp - offset, size);
  }

  /**
   * Merges overlapping windows (see {@link #intersects}): {@code callback} receives every group of
   * two or more windows with the window that covers them. Windows that overlap no other are not
   * reported.
   */
  public static void mergeWindows(
      Collection<TimeWindow> windows, BiConsumer<List<TimeWindow>, TimeWindow> callback) {
    List<TimeWindow> sorted = new ArrayList<>(windows);
    sorted.sort(Comparator.comparingLong(TimeWindow::start));
    List<TimeWindow> group = new ArrayList<>();
    TimeWindow cover = null;
    for (TimeWindow window : sorted) {
      if (cover != null && cover.intersects(window)) {
        group.add(window);
        cover = cover.cover(window);
      } else {
        if (group.size() > 1) {
          callback.accept(group, cover);
        }
        group = new ArrayList<>();
        group.add(window);
        cover = window;
      }
    }
    if (group.size() > 1) {
      callback.accept(group, cover);
    }
  }
}
