package io.sluice.bench.flink;

import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.LongGenerator;
import io.sluice.bench.common.LongWorkloads;
import io.sluice.bench.common.nexmark.Bid;
import io.sluice.bench.common.nexmark.Event;
import io.sluice.bench.common.nexmark.NexmarkConfig;
import io.sluice.bench.common.nexmark.NexmarkGenerator;
import io.sluice.bench.common.nexmark.NexmarkQueries;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

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
      case WINDOW_AGGREGATE ->
          longs(env, records, parallelism, false, eventTime())
              .keyBy(new FlinkFunctions.ModKey())
              .window(TumblingEventTimeWindows.of(LongWorkloads.WINDOW))
              .aggregate(new FlinkFunctions.CountAndSum(), new FlinkFunctions.KeyWindowSum());
      case STATE_HEAP, STATE_ROCKSDB ->
          longs(env, records, parallelism, false)
              .keyBy(new FlinkFunctions.StateKey())
              .process(new FlinkFunctions.RunningSum());
      case POJO_SHUFFLE ->
          longs(env, records, parallelism, false)
              .map(new FlinkFunctions.ToTrade())
              .rebalance()
              .map(new FlinkFunctions.FoldTrade());
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
      case NEXMARK_Q3, NEXMARK_Q4, NEXMARK_Q5, NEXMARK_Q7, NEXMARK_Q8, NEXMARK_Q11 ->
          nexmark(benchmark, events(env, records, parallelism));
    };
  }

  private static DataStream<?> nexmark(Benchmark benchmark, DataStream<Event> events) {
    return switch (benchmark) {
      case NEXMARK_Q3 ->
          events
              .filter(new FlinkNexmarkFunctions.LocalSeller())
              .map(new FlinkNexmarkFunctions.ToPerson())
              .connect(
                  events
                      .filter(new FlinkNexmarkFunctions.CategoryTen())
                      .map(new FlinkNexmarkFunctions.ToAuction()))
              .keyBy(new FlinkNexmarkFunctions.PersonId(), new FlinkNexmarkFunctions.Seller())
              .process(new FlinkNexmarkFunctions.SellerJoin());
      case NEXMARK_Q4 ->
          events
              .filter(new FlinkNexmarkFunctions.IsAuction())
              .map(new FlinkNexmarkFunctions.ToAuction())
              .connect(bids(events))
              .keyBy(new FlinkNexmarkFunctions.AuctionId(), new FlinkNexmarkFunctions.BidAuction())
              .process(new FlinkNexmarkFunctions.WinningBid())
              .keyBy(new FlinkNexmarkFunctions.WinnerCategory())
              .process(new FlinkNexmarkFunctions.CategoryRunningAverage());
      case NEXMARK_Q5 ->
          bids(events)
              .keyBy(new FlinkNexmarkFunctions.BidAuction())
              .window(SlidingEventTimeWindows.of(NexmarkQueries.Q5_WINDOW, NexmarkQueries.Q5_SLIDE))
              .aggregate(
                  new FlinkNexmarkFunctions.CountBids(),
                  new FlinkNexmarkFunctions.AuctionWindowCount())
              .keyBy(new FlinkNexmarkFunctions.WindowEnd())
              .window(TumblingEventTimeWindows.of(NexmarkQueries.Q5_SLIDE))
              .process(new FlinkNexmarkFunctions.TopAuctions());
      case NEXMARK_Q7 ->
          bids(events)
              .windowAll(TumblingEventTimeWindows.of(NexmarkQueries.Q7_WINDOW))
              .reduce(
                  new FlinkNexmarkFunctions.HigherBid(), new FlinkNexmarkFunctions.WindowHighest());
      case NEXMARK_Q8 ->
          events
              .filter(new FlinkNexmarkFunctions.IsPerson())
              .map(new FlinkNexmarkFunctions.ToPerson())
              .coGroup(
                  events
                      .filter(new FlinkNexmarkFunctions.IsAuction())
                      .map(new FlinkNexmarkFunctions.ToAuction()))
              .where(new FlinkNexmarkFunctions.PersonId())
              .equalTo(new FlinkNexmarkFunctions.Seller())
              .window(TumblingEventTimeWindows.of(NexmarkQueries.Q8_WINDOW))
              .apply(new FlinkNexmarkFunctions.NewUsers());
      case NEXMARK_Q11 ->
          bids(events)
              .keyBy(new FlinkNexmarkFunctions.Bidder())
              .window(EventTimeSessionWindows.withGap(NexmarkQueries.Q11_GAP))
              .aggregate(
                  new FlinkNexmarkFunctions.CountBids(), new FlinkNexmarkFunctions.SessionCount());
      default -> throw new IllegalArgumentException(benchmark + " is not a windowed NEXMark query");
    };
  }

  private static DataStream<Bid> bids(DataStream<Event> events) {
    return events.filter(new FlinkFunctions.IsBid()).map(new FlinkFunctions.PassThrough());
  }

  private static DataStream<Long> longs(
      StreamExecutionEnvironment env, long records, int parallelism, boolean stampLatency) {
    return longs(env, records, parallelism, stampLatency, WatermarkStrategy.noWatermarks());
  }

  private static DataStream<Long> longs(
      StreamExecutionEnvironment env,
      long records,
      int parallelism,
      boolean stampLatency,
      WatermarkStrategy<Long> watermarks) {
    return env.fromSource(
            new GeneratorSource<>(new LongGenerator(), records, stampLatency),
            watermarks,
            "Generator")
        .setParallelism(parallelism);
  }

  /** window-aggregate: event time from the index; each source subtask's indices ascend. */
  private static WatermarkStrategy<Long> eventTime() {
    return WatermarkStrategy.<Long>forMonotonousTimestamps()
        .withTimestampAssigner((x, previous) -> LongWorkloads.eventTime(x));
  }

  private static DataStream<Event> events(
      StreamExecutionEnvironment env, long records, int parallelism) {
    WatermarkStrategy<Event> watermarks =
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(NexmarkQueries.WATERMARK_BOUND)
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
