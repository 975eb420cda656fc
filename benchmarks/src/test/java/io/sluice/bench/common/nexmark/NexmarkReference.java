package io.sluice.bench.common.nexmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stateful and windowed NEXMark queries computed in plain Java over the whole (finite) event
 * list at once, with no streaming machinery: the expected outputs of the engine equivalence test.
 * Written from the queries' definitions, not from the engines' function classes.
 */
public final class NexmarkReference {
  private static final long TEN_SECONDS = 10_000;
  private static final long TWO_SECONDS = 2_000;

  private final List<Person> persons = new ArrayList<>();
  private final List<Auction> auctions = new ArrayList<>();
  private final List<Bid> bids = new ArrayList<>();

  public NexmarkReference(NexmarkGenerator generator, long events) {
    for (long i = 0; i < events; i++) {
      Event e = generator.generate(i);
      if (e.person() != null) {
        persons.add(e.person());
      } else if (e.auction() != null) {
        auctions.add(e.auction());
      } else {
        bids.add(e.bid());
      }
    }
  }

  /** q3: every (seller in OR/ID/CA, auction of theirs in category 10) pair. */
  public List<Object> q3() {
    List<Object> out = new ArrayList<>();
    for (Person p : persons) {
      if (!p.state().equals("OR") && !p.state().equals("ID") && !p.state().equals("CA")) {
        continue;
      }
      for (Auction a : auctions) {
        if (a.seller() == p.id() && a.category() == 10) {
          out.add(new SellerItem(p.name(), p.city(), p.state(), a.id()));
        }
      }
    }
    return out;
  }

  /**
   * q4: per category and distinct expiry time of its auctions that had a bid within their lifetime,
   * the average of those auctions' highest such bids up to that expiry time.
   */
  public List<Object> q4() {
    Map<Long, Long> highest = new HashMap<>();
    Map<Long, Auction> byId = new HashMap<>();
    for (Auction a : auctions) {
      byId.put(a.id(), a);
    }
    for (Bid b : bids) {
      Auction a = byId.get(b.auction());
      if (a != null && b.dateTime() >= a.dateTime() && b.dateTime() <= a.expires()) {
        highest.merge(a.id(), b.price(), Math::max);
      }
    }
    Map<Long, TreeMap<Long, long[]>> byCategory = new HashMap<>();
    for (Map.Entry<Long, Long> e : highest.entrySet()) {
      Auction a = byId.get(e.getKey());
      long[] sumCount =
          byCategory
              .computeIfAbsent(a.category(), c -> new TreeMap<>())
              .computeIfAbsent(a.expires(), t -> new long[2]);
      sumCount[0] += e.getValue();
      sumCount[1]++;
    }
    List<Object> out = new ArrayList<>();
    byCategory.forEach(
        (category, byExpiry) -> {
          long sum = 0;
          long count = 0;
          for (Map.Entry<Long, long[]> e : byExpiry.entrySet()) {
            sum += e.getValue()[0];
            count += e.getValue()[1];
            out.add(
                new CategoryAverage(category, e.getKey(), count, Math.round((double) sum / count)));
          }
        });
    return out;
  }

  /** q5: per 10 s window starting every 2 s, the auctions with the most bids in it. */
  public List<Object> q5() {
    Map<Long, Map<Long, Long>> countsByWindow = new HashMap<>();
    for (Bid b : bids) {
      long last = b.dateTime() - Math.floorMod(b.dateTime(), TWO_SECONDS);
      for (long start = last; start > b.dateTime() - TEN_SECONDS; start -= TWO_SECONDS) {
        countsByWindow
            .computeIfAbsent(start, s -> new HashMap<>())
            .merge(b.auction(), 1L, Long::sum);
      }
    }
    List<Object> out = new ArrayList<>();
    countsByWindow.forEach(
        (start, counts) -> {
          long most = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
          counts.forEach(
              (auction, n) -> {
                if (n == most) {
                  out.add(new AuctionBids(auction, n, start, start + TEN_SECONDS));
                }
              });
        });
    return out;
  }

  /**
   * q7: per 10 s tumbling window the highest bid; among bids of the same price the earliest, then
   * the lowest auction id, bidder, then the smallest url, channel and padding.
   */
  public List<Object> q7() {
    Map<Long, Bid> best = new HashMap<>();
    for (Bid b : bids) {
      long start = b.dateTime() - Math.floorMod(b.dateTime(), TEN_SECONDS);
      best.merge(start, b, NexmarkReference::better);
    }
    List<Object> out = new ArrayList<>();
    best.forEach((start, b) -> out.add(new WindowBid(start, start + TEN_SECONDS, b)));
    return out;
  }

  private static Bid better(Bid a, Bid b) {
    if (a.price() != b.price()) {
      return a.price() > b.price() ? a : b;
    }
    if (a.dateTime() != b.dateTime()) {
      return a.dateTime() < b.dateTime() ? a : b;
    }
    if (a.auction() != b.auction()) {
      return a.auction() < b.auction() ? a : b;
    }
    if (a.bidder() != b.bidder()) {
      return a.bidder() < b.bidder() ? a : b;
    }
    int c = a.url().compareTo(b.url());
    if (c == 0) {
      c = a.channel().compareTo(b.channel());
    }
    if (c == 0) {
      c = a.extra().compareTo(b.extra());
    }
    return c <= 0 ? a : b;
  }

  /** q8: persons who opened an auction in the 10 s tumbling window they registered in. */
  public List<Object> q8() {
    Set<List<Long>> sellerWindows = new HashSet<>();
    for (Auction a : auctions) {
      sellerWindows.add(
          List.of(a.seller(), a.dateTime() - Math.floorMod(a.dateTime(), TEN_SECONDS)));
    }
    List<Object> out = new ArrayList<>();
    for (Person p : persons) {
      long start = p.dateTime() - Math.floorMod(p.dateTime(), TEN_SECONDS);
      if (sellerWindows.contains(List.of(p.id(), start))) {
        out.add(new NewUser(p.id(), p.name(), start, start + TEN_SECONDS));
      }
    }
    return out;
  }

  /**
   * q11: per bidder, runs of bids each at most 10 s after the previous one; a session spans from
   * the first bid to the last bid plus 10 s.
   */
  public List<Object> q11() {
    Map<Long, List<Long>> times = new HashMap<>();
    for (Bid b : bids) {
      times.computeIfAbsent(b.bidder(), k -> new ArrayList<>()).add(b.dateTime());
    }
    List<Object> out = new ArrayList<>();
    times.forEach(
        (bidder, ts) -> {
          ts.sort(null);
          long start = ts.get(0);
          long end = start + TEN_SECONDS;
          long n = 0;
          for (long t : ts) {
            if (t > end) {
              out.add(new BidderSession(bidder, n, start, end));
              start = t;
              n = 0;
            }
            end = Math.max(end, t + TEN_SECONDS);
            n++;
          }
          out.add(new BidderSession(bidder, n, start, end));
        });
    return out;
  }
}
