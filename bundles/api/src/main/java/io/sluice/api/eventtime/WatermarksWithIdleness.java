package io.sluice.api.eventtime;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a generator so that a source subtask that saw no events for {@code timeout} (processing
 * time) declares itself idle: downstream watermarks then advance without it. Created by {@link
 * WatermarkStrategy#withIdleness}.
 *
 * <p>Idleness is checked at each periodic emit, so it is noticed between {@code timeout} and {@code
 * timeout} plus one auto-watermark interval after the last event; with periodic watermarks turned
 * off it is never noticed. While idle the wrapped generator's periodic watermarks are not asked
 * for; the next event makes the subtask active again (the runtime marks it so as it emits the
 * record). Used from the source's task thread only.
 */
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
  private final WatermarkGenerator<T> delegate;
  private final long timeoutNanos;
  private final LongSupplier nanoClock;
  private boolean eventSinceLastCheck;
  private long quietSinceNanos;
  private boolean idle;

  public WatermarksWithIdleness(WatermarkGenerator<T> delegate, Duration timeout) {
    this(delegate, timeout, System::nanoTime);
  }

  /**
   * @param nanoClock a monotonic clock in nanoseconds (tests pass a manual one)
   */
  public WatermarksWithIdleness(
      WatermarkGenerator<T> delegate, Duration timeout, LongSupplier nanoClock) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("idle timeout must be positive: " + timeout);
    }
    this.delegate = delegate;
    this.timeoutNanos = timeout.toNanos();
    this.nanoClock = nanoClock;
    this.quietSinceNanos = nanoClock.getAsLong();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    eventSinceLastCheck = true;
    idle = false;
    delegate.onEvent(event, eventTimestamp, output);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long now = nanoClock.getAsLong();
    if (eventSinceLastCheck) {
      eventSinceLastCheck = false;
      quietSinceNanos = now;
    } else if (idle) {
      return;
    } else if (now - quietSinceNanos >= timeoutNanos) {
      idle = true;
      output.markIdle();
      return;
    }
    delegate.onPeriodicEmit(output);
  }
}
