package io.sluice.api.windowing.operators;

import io.sluice.api.state.MapState;
import io.sluice.api.windowing.windows.Window;
import java.util.List;

/**
 * The windows waiting for each time of the current key, as snapshots written before timers carried
 * their window hold them: back then the timer service kept one timer per (key, time), and this
 * keyed state said which windows it served. A window operator restored from such a snapshot gets
 * those timers back without a window; when one fires, this index names its windows. New timers
 * carry their window and never touch it. Confined to the task thread.
 */
final class LegacyTimerIndex<W extends Window> {
  private final MapState<Long, List<W>> windowsByTime;

  LegacyTimerIndex(MapState<Long, List<W>> windowsByTime) {
    this.windowsByTime = windowsByTime;
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
}
