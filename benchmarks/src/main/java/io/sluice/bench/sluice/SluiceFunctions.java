package io.sluice.bench.sluice;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.bench.common.LongWorkloads;
import io.sluice.bench.common.hotpath.CountSum;
import io.sluice.bench.common.hotpath.Trade;
import io.sluice.bench.common.hotpath.WindowSum;
import io.sluice.bench.common.nexmark.AuctionPrice;
import io.sluice.bench.common.nexmark.Bid;
import io.sluice.bench.common.nexmark.Event;
import io.sluice.bench.common.nexmark.NexmarkQueries;

/** The benchmark functions as Sluice function classes, each delegating to the shared logic. */
final class SluiceFunctions {
  private SluiceFunctions() {}

  static final class Scramble implements MapFunction<Long, Long> {
    @Override
    public Long map(Long value) {
      return LongWorkloads.scramble(value);
    }
  }

  static final class Keep implements FilterFunction<Long> {
    @Override
    public boolean filter(Long value) {
      return LongWorkloads.keep(value);
    }
  }

  static final class Fold implements MapFunction<Long, Long> {
    @Override
    public Long map(Long value) {
      return LongWorkloads.fold(value);
    }
  }

  static final class ModKey implements KeySelector<Long, Long> {
    @Override
    public Long getKey(Long value) {
      return LongWorkloads.key(value);
    }
  }

  static final class Sum implements ReduceFunction<Long> {
    @Override
    public Long reduce(Long accumulated, Long value) {
      return LongWorkloads.sum(accumulated, value);
    }
  }

  static final class RebalanceMap implements MapFunction<Long, Long> {
    @Override
    public Long map(Long value) {
      return LongWorkloads.rebalanceMap(value);
    }
  }

  /** window-aggregate: count and sum of a key's values in a window. */
  static final class CountAndSum implements AggregateFunction<Long, CountSum, CountSum> {
    @Override
    public CountSum createAccumulator() {
      return CountSum.EMPTY;
    }

    @Override
    public CountSum add(Long value, CountSum accumulator) {
      return LongWorkloads.count(accumulator, value);
    }

    @Override
    public CountSum getResult(CountSum accumulator) {
      return accumulator;
    }

    @Override
    public CountSum merge(CountSum a, CountSum b) {
      return a.plus(b);
    }
  }

  /** window-aggregate: the window's count and sum with its key and end. */
  static final class KeyWindowSum
      extends ProcessWindowFunction<CountSum, WindowSum, Long, TimeWindow> {
    @Override
    public void process(
        Long key, Context context, Iterable<CountSum> sums, Collector<WindowSum> out) {
      out.collect(LongWorkloads.windowSum(key, context.window().end(), sums.iterator().next()));
    }
  }

  static final class StateKey implements KeySelector<Long, Long> {
    @Override
    public Long getKey(Long value) {
      return LongWorkloads.stateKey(value);
    }
  }

  /** state-heap, state-rocksdb: read, add, write back and emit the key's sum, per record. */
  static final class RunningSum extends KeyedProcessFunction<Long, Long, Long> {
    private transient ValueState<Long> sum;

    @Override
    public void open(RuntimeContext context) {
      sum = context.getState(new ValueStateDescriptor<>("sum", Long.class));
    }

    @Override
    public void processElement(Long value, Context<Long> context, Collector<Long> out)
        throws Exception {
      Long before = sum.value();
      long after = before == null ? value : LongWorkloads.sum(before, value);
      sum.update(after);
      out.collect(after);
    }
  }

  static final class ToTrade implements MapFunction<Long, Trade> {
    @Override
    public Trade map(Long value) {
      return Trade.of(value);
    }
  }

  static final class FoldTrade implements MapFunction<Trade, Long> {
    @Override
    public Long map(Trade value) {
      return value.fold();
    }
  }

  static final class IsBid implements FilterFunction<Event> {
    @Override
    public boolean filter(Event value) {
      return NexmarkQueries.isBid(value);
    }
  }

  static final class PassThrough implements MapFunction<Event, Bid> {
    @Override
    public Bid map(Event value) {
      return NexmarkQueries.passThrough(value);
    }
  }

  static final class InEuros implements MapFunction<Event, Bid> {
    @Override
    public Bid map(Event value) {
      return NexmarkQueries.inEuros(value);
    }
  }

  static final class SelectedAuction implements FilterFunction<Bid> {
    @Override
    public boolean filter(Bid value) {
      return NexmarkQueries.isSelectedAuction(value);
    }
  }

  static final class ToAuctionPrice implements MapFunction<Bid, AuctionPrice> {
    @Override
    public AuctionPrice map(Bid value) {
      return NexmarkQueries.auctionPrice(value);
    }
  }
}
