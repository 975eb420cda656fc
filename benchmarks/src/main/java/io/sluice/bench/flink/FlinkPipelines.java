package io.sluice.bench.flink;

import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.LongGenerator;
import io.sluice.bench.common.nexmark.Event;
import io.sluice.bench.common.nexmark.NexmarkConfig;
import io.sluice.bench.common.nexmark.NexmarkGenerator;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Builds each benchmark's dataflow on Flink, the same shape as the Sluice side's. */
public final class FlinkPipelines {
  private FlinkPipelines() {}

  /** The last stream of {@code benchmark}'s dataflow, at {@code parallelism}. */
  public static DataStream<?> build(
      StreamExecutionEnvironment env, Benchmark benchmark, long records, int parallelism) {
    env.setParallelism(parallelism);
    return switch (benchmark) {
      case CHAINED_MAP ->
          longs(env, records, parallelism, false)
              .map(new FlinkFunctions.Scramble())
              .filter(new FlinkFunctions.Keep())
              .map(new FlinkFunctions.Fold());
      case KEYBY_REDUCE ->
          longs(env, records, parallelism, false)
              .keyBy(new FlinkFunctions.ModKey())
              .reduce(new FlinkFunctions.Sum());
      case REBALANCE ->
          longs(env, records, 1, true)
              .rebalance()
              .map(new FlinkFunctions.RebalanceMap())
              .setParallelism(parallelism);
      case NEXMARK_Q0 ->
          events(env, records, parallelism)
              .filter(new FlinkFunctions.IsBid())
              .map(new FlinkFunctions.PassThrough());
      case NEXMARK_Q1 ->
          events(env, records, parallelism)
              .filter(new FlinkFunctions.IsBid())
              .map(new FlinkFunctions.InEuros());
      case NEXMARK_Q2 ->
          events(env, records, parallelism)
              .filter(new FlinkFunctions.IsBid())
              .map(new FlinkFunctions.PassThrough())
              .filter(new FlinkFunctions.SelectedAuction())
              .map(new FlinkFunctions.ToAuctionPrice());
    };
  }

  private static DataStream<Long> longs(
      StreamExecutionEnvironment env, long records, int parallelism, boolean stampLatency) {
    return env.fromSource(
            new GeneratorSource<>(new LongGenerator(), records, stampLatency),
            WatermarkStrategy.noWatermarks(),
            "Generator")
        .setParallelism(parallelism);
  }

  private static DataStream<Event> events(
      StreamExecutionEnvironment env, long records, int parallelism) {
    WatermarkStrategy<Event> watermarks =
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(4_000))
            .withTimestampAssigner((event, previous) -> event.timestamp());
    return env.fromSource(
            new GeneratorSource<>(
                new NexmarkGenerator(NexmarkConfig.defaults(NexmarkConfig.BENCHMARK_SEED)),
                records,
                false),
            watermarks,
            "NEXMark Generator")
        .setParallelism(parallelism);
  }
}
