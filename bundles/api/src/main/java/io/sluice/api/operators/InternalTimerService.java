package io.sluice.api.operators;

/**
 * Timers of one keyed operator, scoped to the current key. A (key, timestamp) pair is registered at
 * most once per time domain; deleting a timer that does not exist does nothing.
 */
public interface InternalTimerService<K> {
  void registerEventTimeTimer(long time);

  void registerProcessingTimeTimer(long time);

  void deleteEventTimeTimer(long time);

  void deleteProcessingTimeTimer(long time);

  long currentProcessingTime();

  long currentWatermark();
}
