package io.sluice.testkit.multiinput;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.TimestampAssigner;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import java.util.List;

/**
 * Bounded sources with event time for the multi-input tests. Watermarks are punctuated (emitted
 * after every element) rather than periodic, so where they fall does not depend on the wall clock.
 */
final class EventTimeSources {
  private EventTimeSources() {}

  /**
   * A source whose watermark after each element is the highest timestamp so far minus {@code
   * outOfOrderness} minus 1: an element at most {@code outOfOrderness} behind the highest one read
   * before it (in its subtask) is never late.
   */
  static <T> DataStream<T> boundedOutOfOrder(
      StreamEnvironment env,
      String name,
      List<T> elements,
      Class<T> type,
      TimestampAssigner<T> timestamps,
      long outOfOrderness,
      int parallelism) {
    WatermarkStrategy<T> strategy =
        ((WatermarkStrategy<T>) () -> new PunctuatedWatermarks<>(outOfOrderness))
            .withTimestampAssigner(timestamps);
    return env.fromSource(new CollectionSource<>(elements), strategy, name, type)
        .setParallelism(parallelism);
  }

  /** A source with timestamps and no watermark at all until the final one at its end. */
  static <T> DataStream<T> withoutWatermarks(
      StreamEnvironment env,
      String name,
      List<T> elements,
      Class<T> type,
      TimestampAssigner<T> ts) {
    WatermarkStrategy<T> strategy = WatermarkStrategy.<T>noWatermarks().withTimestampAssigner(ts);
    return env.fromSource(new CollectionSource<>(elements), strategy, name, type).setParallelism(1);
  }

  /** Emits the watermark right after each element; never periodically. */
  private static final class PunctuatedWatermarks<T> implements WatermarkGenerator<T> {
    private final long outOfOrderness;
    private long maxTimestamp = Long.MIN_VALUE;

    PunctuatedWatermarks(long outOfOrderness) {
      this.outOfOrderness = outOfOrderness;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
      maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
      output.emitWatermark(maxTimestamp - outOfOrderness - 1);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }
}
