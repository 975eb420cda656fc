package io.sluice.api.windowing.assigners;

import io.sluice.api.windowing.windows.TimeWindow;
import java.util.List;

/**
 * What a tumbling assigner handed out last: the window starting at {@code start}, in the list
 * returned to the window operator. Consecutive elements mostly fall into the same window, and
 * handing out the same instance again saves allocating it, and makes the window operator's state
 * and timer lookups for it find the stored window by identity instead of comparing a copy with it
 * (a memory load of the stored window per lookup, the most expensive part of them).
 *
 * <p>Immutable, so an assigner may keep one in a plain field even if several tasks share it: a task
 * sees either an older assignment or a complete new one.
 */
record TumblingWindowAssignment(long start, List<TimeWindow> windows) {

  /** {@code last} if it is the window starting at {@code start}, else that window, new. */
  static TumblingWindowAssignment at(TumblingWindowAssignment last, long start, long size) {
    if (last != null && last.start == start) {
      return last;
    }
    return new TumblingWindowAssignment(start, List.of(new TimeWindow(start, start + size)));
  }
}
