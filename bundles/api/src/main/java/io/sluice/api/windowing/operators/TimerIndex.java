package io.sluice.api.windowing.operators;

import io.sluice.api.state.MapState;
import io.sluice.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The windows that asked for a timer, by time, for the current key. The operator's timer service
 * keeps one timer per (key, time), so one timer must serve every window of the key that wants a
 * call at that time; this index says which. Kept in keyed state next to the window contents.
 * Confined to the task thread.
 */
final class TimerIndex<W extends Window> {
  private final MapState<Long, List<W>> windowsByTime;
  private final LongConsumer registerTimer;
  private final LongConsumer deleteTimer;

  TimerIndex(
      MapState<Long, List<W>> windowsByTime, LongConsumer registerTimer, LongConsumer deleteTimer) {
    this.windowsByTime = windowsByTime;
    this.registerTimer = registerTimer;
    this.deleteTimer = deleteTimer;
  }

  /** {@code window} wants a call at {@code time}; registering twice is one call. */
  void add(long time, W window) {
    List<W> windows = windowsByTime.get(time);
    if (windows == null) {
      List<W> first = new ArrayList<>(1);
      first.add(window);
      windowsByTime.put(time, first);
      registerTimer.accept(time);
    } else if (!windows.contains(window)) {
      List<W> next = new ArrayList<>(windows);
      next.add(window);
      windowsByTime.put(time, next);
    }
  }

  /** {@code window} no longer wants a call at {@code time}; the timer goes with the last one. */
  void remove(long time, W window) {
    List<W> windows = windowsByTime.get(time);
    if (windows == null || !windows.contains(window)) {
      return;
    }
    if (windows.size() == 1) {
      windowsByTime.remove(time);
      deleteTimer.accept(time);
    } else {
      List<W> next = new ArrayList<>(windows);
      next.remove(window);
      windowsByTime.put(time, next);
    }
  }

  /** Removes and returns the windows waiting for {@code time} (whose timer is firing). */
  List<W> take(long time) {
    List<W> windows = windowsByTime.get(time);
    if (windows == null) {
      return List.of();
    }
    windowsByTime.remove(time);
    return windows;
  }

  /** Whether the current key waits for no time at all. */
  boolean isEmpty() {
    return windowsByTime.isEmpty();
  }

  /** The times the current key has timers at, ascending. */
  List<Long> times() {
    List<Long> times = new ArrayList<>();
    for (Long time : windowsByTime.keys()) {
      times.add(time);
    }
    times.sort(null);
    return times;
  }
}
