package io.sluice.api.operators;

import io.sluice.api.functions.TimerService;

/**
 * The user-facing {@link TimerService} of a keyed operator: the operator's per-key timers. Shared
 * by the keyed process operators, on the task thread only.
 */
final class KeyedTimers implements TimerService {
  private final InternalTimerService<?> timers;

  KeyedTimers(InternalTimerService<?> timers) {
    this.timers = timers;
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(time);
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    timers.registerProcessingTimeTimer(time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(time);
  }
}
