package io.sluice.api.eventtime;

/**
 * Decides watermarks from the events a source subtask reads: on each event (punctuated) and/or
 * periodically (every {@code pipeline.auto-watermark-interval}, 200 ms by default). Used from the
 * task thread only.
 */
public interface WatermarkGenerator<T> {
  void onEvent(T event, long eventTimestamp, WatermarkOutput output);

  void onPeriodicEmit(WatermarkOutput output);
}
