package io.sluice.bench.sluice;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.KeyedCoProcessFunction;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.windowing.functions.CoGroupFunction;
import io.sluice.api.windowing.functions.ProcessAllWindowFunction;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.bench.common.nexmark.Auction;
import io.sluice.bench.common.nexmark.AuctionBids;
import io.sluice.bench.common.nexmark.AuctionWinner;
import io.sluice.bench.common.nexmark.Bid;
import io.sluice.bench.common.nexmark.BidderSession;
import io.sluice.bench.common.nexmark.CategoryAverage;
import io.sluice.bench.common.nexmark.Event;
import io.sluice.bench.common.nexmark.NewUser;
import io.sluice.bench.common.nexmark.NexmarkQueries;
import io.sluice.bench.common.nexmark.Person;
import io.sluice.bench.common.nexmark.PriceSum;
import io.sluice.bench.common.nexmark.SellerItem;
import io.sluice.bench.common.nexmark.WindowBid;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions of the NEXMark queries q3–q11 as Sluice classes; the Flink side has a class of the
 * same name and logic for each ({@code flink.FlinkNexmarkFunctions}).
 */
final class SluiceNexmarkFunctions {
  private SluiceNexmarkFunctions() {}

  static final class LocalSeller implements FilterFunction<Event> {
    @Override
    public boolean filter(Event value) {
      return NexmarkQueries.isLocalSeller(value);
    }
  }

  static final class CategoryTen implements FilterFunction<Event> {
    @Override
    public boolean filter(Event value) {
      return NexmarkQueries.isCategoryTenAuction(value);
    }
  }

  static final class IsPerson implements FilterFunction<Event> {
    @Override
    public boolean filter(Event value) {
      return NexmarkQueries.isPerson(value);
    }
  }

  static final class IsAuction implements FilterFunction<Event> {
    @Override
    public boolean filter(Event value) {
      return NexmarkQueries.isAuction(value);
    }
  }

  static final class ToPerson implements MapFunction<Event, Person> {
    @Override
    public Person map(Event value) {
      return value.person();
    }
  }

  static final class ToAuction implements MapFunction<Event, Auction> {
    @Override
    public Auction map(Event value) {
      return value.auction();
    }
  }

  static final class PersonId implements KeySelector<Person, Long> {
    @Override
    public Long getKey(Person value) {
      return value.id();
    }
  }

  static final class Seller implements KeySelector<Auction, Long> {
    @Override
    public Long getKey(Auction value) {
      return value.seller();
    }
  }

  static final class AuctionId implements KeySelector<Auction, Long> {
    @Override
    public Long getKey(Auction value) {
      return value.id();
    }
  }

  static final class BidAuction implements KeySelector<Bid, Long> {
    @Override
    public Long getKey(Bid value) {
      return value.auction();
    }
  }

  static final class Bidder implements KeySelector<Bid, Long> {
    @Override
    public Long getKey(Bid value) {
      return value.bidder();
    }
  }

  static final class WinnerCategory implements KeySelector<AuctionWinner, Long> {
    @Override
    public Long getKey(AuctionWinner value) {
      return value.category();
    }
  }

  static final class WindowEnd implements KeySelector<AuctionBids, Long> {
    @Override
    public Long getKey(AuctionBids value) {
      return value.windowEnd();
    }
  }

  /**
   * q3: a regular (unbounded) join of local sellers and their category-10 auctions. The person is
   * kept for later auctions; auctions that come before their seller wait in a list.
   */
  static final class SellerJoin extends KeyedCoProcessFunction<Long, Person, Auction, SellerItem> {
    private transient ValueState<Person> seller;
    private transient ListState<Auction> waiting;

    @Override
    public void open(RuntimeContext context) {
      seller = context.getState(new ValueStateDescriptor<>("seller", Person.class));
      waiting = context.getListState(new ListStateDescriptor<>("waiting", Auction.class));
    }

    @Override
    public void processElement1(Person person, Context<Long> context, Collector<SellerItem> out) {
      seller.update(person);
      Iterable<Auction> pending = waiting.get();
      if (pending != null) {
        for (Auction auction : pending) {
          out.collect(NexmarkQueries.sellerItem(person, auction));
        }
      }
      waiting.clear();
    }

    @Override
    public void processElement2(Auction auction, Context<Long> context, Collector<SellerItem> out) {
      Person person = seller.value();
      if (person != null) {
        out.collect(NexmarkQueries.sellerItem(person, auction));
      } else {
        waiting.add(auction);
      }
    }
  }

  /**
   * q4, first step: per auction, the highest bid within its lifetime, emitted by an event-time
   * timer at {@code expires}. Bids that come before their auction wait until the watermark passes
   * their own time: by then an auction they could count for would have arrived.
   */
  static final class WinningBid extends KeyedCoProcessFunction<Long, Auction, Bid, AuctionWinner> {
    private transient ValueState<Auction> open;
    private transient ValueState<Long> best;
    private transient ListState<Bid> early;

    @Override
    public void open(RuntimeContext context) {
      open = context.getState(new ValueStateDescriptor<>("auction", Auction.class));
      best = context.getState(new ValueStateDescriptor<>("best", Long.class));
      early = context.getListState(new ListStateDescriptor<>("early", Bid.class));
    }

    @Override
    public void processElement1(
        Auction auction, Context<Long> context, Collector<AuctionWinner> out) {
      open.update(auction);
      Iterable<Bid> waiting = early.get();
      if (waiting != null) {
        for (Bid bid : waiting) {
          offer(bid, auction);
        }
      }
      early.clear();
      context.timerService().registerEventTimeTimer(auction.expires());
    }

    @Override
    public void processElement2(Bid bid, Context<Long> context, Collector<AuctionWinner> out) {
      Auction auction = open.value();
      if (auction != null) {
        offer(bid, auction);
      } else {
        early.add(bid);
        context.timerService().registerEventTimeTimer(bid.dateTime());
      }
    }

    private void offer(Bid bid, Auction auction) {
      if (NexmarkQueries.bidsDuring(bid, auction)) {
        Long current = best.value();
        if (current == null || bid.price() > current) {
          best.update(bid.price());
        }
      }
    }

    @Override
    public void onTimer(
        long timestamp, OnTimerContext<Long> context, Collector<AuctionWinner> out) {
      Auction auction = open.value();
      if (auction != null) {
        if (timestamp >= auction.expires()) {
          Long price = best.value();
          if (price != null) {
            out.collect(NexmarkQueries.winner(auction, price));
          }
          open.clear();
          best.clear();
        }
        return;
      }
      Iterable<Bid> waiting = early.get();
      List<Bid> keep = new ArrayList<>();
      if (waiting != null) {
        for (Bid bid : waiting) {
          if (bid.dateTime() > timestamp) {
            keep.add(bid);
          }
        }
      }
      early.update(keep);
    }
  }

  /**
   * q4, second step: per category, the running average of winning prices in event-time order of
   * expiry; one result per distinct expiry time, when the watermark passes it.
   */
  static final class CategoryRunningAverage
      extends KeyedProcessFunction<Long, AuctionWinner, CategoryAverage> {
    private transient MapState<Long, PriceSum> pending;
    private transient ValueState<PriceSum> total;

    @Override
    public void open(RuntimeContext context) {
      pending =
          context.getMapState(new MapStateDescriptor<>("pending", Long.class, PriceSum.class));
      total = context.getState(new ValueStateDescriptor<>("total", PriceSum.class));
    }

    @Override
    public void processElement(
        AuctionWinner winner, Context<Long> context, Collector<CategoryAverage> out) {
      PriceSum sum = pending.get(winner.expires());
      pending.put(winner.expires(), (sum == null ? PriceSum.EMPTY : sum).plus(winner.price()));
      context.timerService().registerEventTimeTimer(winner.expires());
    }

    @Override
    public void onTimer(
        long timestamp, OnTimerContext<Long> context, Collector<CategoryAverage> out) {
      PriceSum due = pending.get(timestamp);
      if (due == null) {
        return;
      }
      pending.remove(timestamp);
      PriceSum sum = total.value();
      PriceSum updated = (sum == null ? PriceSum.EMPTY : sum).plus(due);
      total.update(updated);
      out.collect(NexmarkQueries.categoryAverage(context.getCurrentKey(), timestamp, updated));
    }
  }

  /** q5 and q11: counts bids. */
  static final class CountBids implements AggregateFunction<Bid, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Bid value, Long accumulator) {
      return NexmarkQueries.countOne(accumulator);
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** q5: an auction's bid count with the window's bounds. */
  static final class AuctionWindowCount
      extends ProcessWindowFunction<Long, AuctionBids, Long, TimeWindow> {
    @Override
    public void process(
        Long auction, Context context, Iterable<Long> counts, Collector<AuctionBids> out) {
      TimeWindow w = context.window();
      out.collect(new AuctionBids(auction, counts.iterator().next(), w.start(), w.end()));
    }
  }

  /** q5: of all auctions' counts of one sliding window, the highest. */
  static final class TopAuctions
      extends ProcessWindowFunction<AuctionBids, AuctionBids, Long, TimeWindow> {
    @Override
    public void process(
        Long windowEnd, Context context, Iterable<AuctionBids> counts, Collector<AuctionBids> out) {
      for (AuctionBids top : NexmarkQueries.mostBids(counts)) {
        out.collect(top);
      }
    }
  }

  /** q7: the higher bid. */
  static final class HigherBid implements ReduceFunction<Bid> {
    @Override
    public Bid reduce(Bid a, Bid b) {
      return NexmarkQueries.higherBid(a, b);
    }
  }

  /** q7: the window's highest bid with the window's bounds. */
  static final class WindowHighest extends ProcessAllWindowFunction<Bid, WindowBid, TimeWindow> {
    @Override
    public void process(Context context, Iterable<Bid> highest, Collector<WindowBid> out) {
      TimeWindow w = context.window();
      out.collect(new WindowBid(w.start(), w.end(), highest.iterator().next()));
    }
  }

  /** q8: the persons of a window who opened an auction in it. */
  static final class NewUsers implements CoGroupFunction<Person, Auction, NewUser> {
    @Override
    public void coGroup(
        Iterable<Person> persons, Iterable<Auction> auctions, Collector<NewUser> out) {
      for (NewUser user :
          NexmarkQueries.newUsers(persons, auctions, NexmarkQueries.Q8_WINDOW.toMillis())) {
        out.collect(user);
      }
    }
  }

  /** q11: a bidder's session with its bid count. */
  static final class SessionCount
      extends ProcessWindowFunction<Long, BidderSession, Long, TimeWindow> {
    @Override
    public void process(
        Long bidder, Context context, Iterable<Long> counts, Collector<BidderSession> out) {
      TimeWindow w = context.window();
      out.collect(new BidderSession(bidder, counts.iterator().next(), w.start(), w.end()));
    }
  }
}
