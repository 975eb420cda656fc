package io.sluice.bench.sluice;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.LongGenerator;
import io.sluice.bench.common.LongWorkloads;
import io.sluice.bench.common.nexmark.Bid;
import io.sluice.bench.common.nexmark.Event;
import io.sluice.bench.common.nexmark.NexmarkConfig;
import io.sluice.bench.common.nexmark.NexmarkGenerator;
import io.sluice.bench.common.nexmark.NexmarkQueries;

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
      case WINDOW_AGGREGATE ->
          longs(env, records, parallelism, false, eventTime())
              .keyBy(new SluiceFunctions.ModKey())
              .window(TumblingEventTimeWindows.of(LongWorkloads.WINDOW))
              .aggregate(new SluiceFunctions.CountAndSum(), new SluiceFunctions.KeyWindowSum());
      case STATE_HEAP, STATE_ROCKSDB ->
          longs(env, records, parallelism, false)
              .keyBy(new SluiceFunctions.StateKey())
              .process(new SluiceFunctions.RunningSum());
      case POJO_SHUFFLE ->
          longs(env, records, parallelism, false)
              .map(new SluiceFunctions.ToTrade())
              .rebalance()
              .map(new SluiceFunctions.FoldTrade());
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
      case NEXMARK_Q3, NEXMARK_Q4, NEXMARK_Q5, NEXMARK_Q7, NEXMARK_Q8, NEXMARK_Q11 ->
          nexmark(benchmark, events(env, records, parallelism));
    };
  }

  private static DataStream<?> nexmark(Benchmark benchmark, DataStream<Event> events) {
    return switch (benchmark) {
      case NEXMARK_Q3 ->
          events
              .filter(new SluiceNexmarkFunctions.LocalSeller())
              .map(new SluiceNexmarkFunctions.ToPerson())
              .connect(
                  events
                      .filter(new SluiceNexmarkFunctions.CategoryTen())
                      .map(new SluiceNexmarkFunctions.ToAuction()))
              .keyBy(new SluiceNexmarkFunctions.PersonId(), new SluiceNexmarkFunctions.Seller())
              .process(new SluiceNexmarkFunctions.SellerJoin());
      case NEXMARK_Q4 ->
          events
              .filter(new SluiceNexmarkFunctions.IsAuction())
              .map(new SluiceNexmarkFunctions.ToAuction())
              .connect(bids(events))
              .keyBy(
                  new SluiceNexmarkFunctions.AuctionId(), new SluiceNexmarkFunctions.BidAuction())
              .process(new SluiceNexmarkFunctions.WinningBid())
              .keyBy(new SluiceNexmarkFunctions.WinnerCategory())
              .process(new SluiceNexmarkFunctions.CategoryRunningAverage());
      case NEXMARK_Q5 ->
          bids(events)
              .keyBy(new SluiceNexmarkFunctions.BidAuction())
              .window(SlidingEventTimeWindows.of(NexmarkQueries.Q5_WINDOW, NexmarkQueries.Q5_SLIDE))
              .aggregate(
                  new SluiceNexmarkFunctions.CountBids(),
                  new SluiceNexmarkFunctions.AuctionWindowCount())
              .keyBy(new SluiceNexmarkFunctions.WindowEnd())
              .window(TumblingEventTimeWindows.of(NexmarkQueries.Q5_SLIDE))
              .process(new SluiceNexmarkFunctions.TopAuctions());
      case NEXMARK_Q7 ->
          bids(events)
              .windowAll(TumblingEventTimeWindows.of(NexmarkQueries.Q7_WINDOW))
              .reduce(
                  new SluiceNexmarkFunctions.HigherBid(),
                  new SluiceNexmarkFunctions.WindowHighest());
      case NEXMARK_Q8 ->
          events
              .filter(new SluiceNexmarkFunctions.IsPerson())
              .map(new SluiceNexmarkFunctions.ToPerson())
              .coGroup(
                  events
                      .filter(new SluiceNexmarkFunctions.IsAuction())
                      .map(new SluiceNexmarkFunctions.ToAuction()))
              .where(new SluiceNexmarkFunctions.PersonId())
              .equalTo(new SluiceNexmarkFunctions.Seller())
              .window(TumblingEventTimeWindows.of(NexmarkQueries.Q8_WINDOW))
              .apply(new SluiceNexmarkFunctions.NewUsers());
      case NEXMARK_Q11 ->
          bids(events)
              .keyBy(new SluiceNexmarkFunctions.Bidder())
              .window(EventTimeSessionWindows.withGap(NexmarkQueries.Q11_GAP))
              .aggregate(
                  new SluiceNexmarkFunctions.CountBids(),
                  new SluiceNexmarkFunctions.SessionCount());
      default -> throw new IllegalArgumentException(benchmark + " is not a windowed NEXMark query");
    };
  }

  private static DataStream<Bid> bids(DataStream<Event> events) {
    return events.filter(new SluiceFunctions.IsBid()).map(new SluiceFunctions.PassThrough());
  }

  private static DataStream<Long> longs(
      StreamEnvironment env, long records, int parallelism, boolean stampLatency) {
    return longs(env, records, parallelism, stampLatency, WatermarkStrategy.noWatermarks());
  }

  private static DataStream<Long> longs(
      StreamEnvironment env,
      long records,
      int parallelism,
      boolean stampLatency,
      WatermarkStrategy<Long> watermarks) {
    return env.fromSource(
            new GeneratorSource<>(new LongGenerator(), records, stampLatency),
            watermarks,
            "Generator",
            Long.class)
        .setParallelism(parallelism);
  }

  /** window-aggregate: event time from the index; each source subtask's indices ascend. */
  private static WatermarkStrategy<Long> eventTime() {
    return WatermarkStrategy.<Long>forMonotonousTimestamps()
        .withTimestampAssigner((x, previous) -> LongWorkloads.eventTime(x));
  }

  private static DataStream<Event> events(StreamEnvironment env, long records, int parallelism) {
    WatermarkStrategy<Event> watermarks =
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(NexmarkQueries.WATERMARK_BOUND)
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
