package io.sluice.api.functions;

/**
 * Time and timers of a keyed process function. Timers are per key and timestamp: registering the
 * same one twice fires it once. Event-time timers fire when the watermark passes them (at the
 * latest when a bounded input ends); processing-time timers fire by the wall clock.
 */
public interface TimerService {
  long currentProcessingTime();

  long currentWatermark();

  void registerEventTimeTimer(long time);

  void registerProcessingTimeTimer(long time);

  void deleteEventTimeTimer(long time);

  void deleteProcessingTimeTimer(long time);
}
