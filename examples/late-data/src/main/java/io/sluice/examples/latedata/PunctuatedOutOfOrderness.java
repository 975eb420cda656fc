package io.sluice.examples.latedata;

import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import java.time.Duration;

/**
 * Bounded out-of-orderness with a watermark after every reading (not periodically), so that which
 * readings are late depends only on their order, never on timing: the demo's output is the same on
 * every run.
 */
final class PunctuatedOutOfOrderness implements WatermarkGenerator<Reading> {
  private final long boundMillis;
  private long maxTimestamp = Long.MIN_VALUE;

  PunctuatedOutOfOrderness(Duration bound) {
    this.boundMillis = bound.toMillis();
  }

  @Override
  public void onEvent(Reading reading, long timestamp, WatermarkOutput output) {
    maxTimestamp = Math.max(maxTimestamp, timestamp);
    output.emitWatermark(maxTimestamp - boundMillis - 1);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
