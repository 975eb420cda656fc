package io.sluice.api.eventtime;

import java.time.Duration;

/**
 * Emits, periodically, the highest timestamp seen minus the bound minus 1 ms: an event at most
 * {@code bound} late is never behind the watermark.
 */
public final class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
  private final long boundMillis;
  private long maxTimestamp;

  public BoundedOutOfOrdernessWatermarks(Duration bound) {
    if (bound.isNegative()) {
      throw new IllegalArgumentException("out-of-orderness bound must not be negative: " + bound);
    }
    this.boundMillis = bound.toMillis();
    this.maxTimestamp = Long.MIN_VALUE + boundMillis + 1;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(maxTimestamp - boundMillis - 1);
  }
}
