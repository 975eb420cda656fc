package io.sluice.api.eventtime;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a source assigns timestamps and generates watermarks:
 *
 * <pre>{@code
 * WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *     .withTimestampAssigner((event, ts) -> event.time())
 *     .withIdleness(Duration.ofMinutes(1))
 * }</pre>
 *
 * A custom strategy is a lambda creating a {@link WatermarkGenerator}: periodic if it emits in
 * {@code onPeriodicEmit}, punctuated if it emits in {@code onEvent}.
 */
@FunctionalInterface
public interface WatermarkStrategy<T> extends Serializable {

  WatermarkGenerator<T> createWatermarkGenerator();

  /** Keeps the source's own timestamps unless overridden with {@link #withTimestampAssigner}. */
  default TimestampAssigner<T> createTimestampAssigner() {
    return (element, recordTimestamp) -> recordTimestamp;
  }

  /** This strategy with timestamps taken from the elements by {@code assigner}. */
  default WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public WatermarkGenerator<T> createWatermarkGenerator() {
        return base.createWatermarkGenerator();
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return assigner;
      }
    };
  }

  /**
   * This strategy, plus: a source subtask that reads no events for {@code timeout} (processing
   * time, checked every auto-watermark interval) is marked idle, so downstream event time advances
   * with the other inputs; its next event makes it active again. Use it for partitions that may go
   * quiet (a Kafka partition without traffic, a subtask without splits).
   */
  default WatermarkStrategy<T> withIdleness(Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("idle timeout must be positive: " + timeout);
    }
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public WatermarkGenerator<T> createWatermarkGenerator() {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(), timeout);
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return base.createTimestampAssigner();
      }
    };
  }

  /** No event time: no watermarks (a bounded source still ends with the final watermark). */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return () ->
        new WatermarkGenerator<>() {
          @Override
          public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

          @Override
          public void onPeriodicEmit(WatermarkOutput output) {}
        };
  }

  /** Timestamps only grow: the watermark is the highest timestamp seen (minus 1 ms). */
  static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return () -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO);
  }

  /** Events may be up to {@code bound} late. */
  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration bound) {
    return () -> new BoundedOutOfOrdernessWatermarks<>(bound);
  }
}
