package io.sluice.bench.sluice;

import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.bench.common.LongWorkloads;
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
