package io.sluice.bench.sluice;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.LongGenerator;
import io.sluice.bench.common.nexmark.Event;
import io.sluice.bench.common.nexmark.NexmarkConfig;
import io.sluice.bench.common.nexmark.NexmarkGenerator;
import java.time.Duration;

/** Builds each benchmark's dataflow on Sluice, without its sink (the caller picks the sink). */
public final class SluicePipelines {
  private SluicePipelines() {}

  /** The last stream of {@code benchmark}'s dataflow, at {@code parallelism}. */
  public static DataStream<?> build(
      StreamEnvironment env, Benchmark benchmark, long records, int parallelism) {
    env.setParallelism(parallelism);
    return switch (benchmark) {
      case CHAINED_MAP ->
          longs(env, records, parallelism, false)
              .map(new SluiceFunctions.Scramble())
              .filter(new SluiceFunctions.Keep())
              .map(new SluiceFunctions.Fold());
      case KEYBY_REDUCE ->
          longs(env, records, parallelism, false)
              .keyBy(new SluiceFunctions.ModKey())
              .reduce(new SluiceFunctions.Sum());
      case REBALANCE ->
          longs(env, records, 1, true)
              .rebalance()
              .map(new SluiceFunctions.RebalanceMap())
              .setParallelism(parallelism);
      case NEXMARK_Q0 ->
          events(env, records, parallelism)
              .filter(new SluiceFunctions.IsBid())
              .map(new SluiceFunctions.PassThrough());
      case NEXMARK_Q1 ->
          events(env, records, parallelism)
              .filter(new SluiceFunctions.IsBid())
              .map(new SluiceFunctions.InEuros());
      case NEXMARK_Q2 ->
          events(env, records, parallelism)
              .filter(new SluiceFunctions.IsBid())
              .map(new SluiceFunctions.PassThrough())
              .filter(new SluiceFunctions.SelectedAuction())
              .map(new SluiceFunctions.ToAuctionPrice());
    };
  }

  private static DataStream<Long> longs(
      StreamEnvironment env, long records, int parallelism, boolean stampLatency) {
    return env.fromSource(
            new GeneratorSource<>(new LongGenerator(), records, stampLatency),
            WatermarkStrategy.<Long>noWatermarks(),
            "Generator",
            Long.class)
        .setParallelism(parallelism);
  }

  private static DataStream<Event> events(StreamEnvironment env, long records, int parallelism) {
    WatermarkStrategy<Event> watermarks =
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(4_000))
            .withTimestampAssigner((event, previous) -> event.timestamp());
    return env.fromSource(
            new GeneratorSource<>(
                new NexmarkGenerator(NexmarkConfig.defaults(NexmarkConfig.BENCHMARK_SEED)),
                records,
                false),
            watermarks,
            "NEXMark Generator",
            Event.class)
        .setParallelism(parallelism);
  }
}
