package io.sluice.bench.common.nexmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The per-record logic and the constants of the NEXMark queries. Both engines build each query from
 * function classes that call these methods, so they do the same work per record; only the state
 * handling of the stateful queries (q3, q4) is written twice, once per engine's API.
 */
public final class NexmarkQueries {
  /** The exchange rate of q1. */
  public static final double DOLLAR_TO_EURO = 0.908;

  /** q2 keeps bids on auctions whose id is a multiple of this. */
  public static final long Q2_AUCTION_MODULUS = 123;

  /** The watermark bound of every query: the generator's out-of-orderness, so nothing is late. */
  public static final Duration WATERMARK_BOUND = Duration.ofMillis(4_000);

  /** q3 keeps sellers from these states. */
  public static final Set<String> Q3_STATES = Set.of("OR", "ID", "CA");

  /** q3 keeps auctions in this category. */
  public static final long Q3_CATEGORY = 10;

  /** q5's sliding windows: 10 s long, every 2 s. */
  public static final Duration Q5_WINDOW = Duration.ofSeconds(10);

  public static final Duration Q5_SLIDE = Duration.ofSeconds(2);

  /** q7's and q8's tumbling windows. */
  public static final Duration Q7_WINDOW = Duration.ofSeconds(10);

  public static final Duration Q8_WINDOW = Duration.ofSeconds(10);

  /** q11's session gap. */
  public static final Duration Q11_GAP = Duration.ofSeconds(10);

  private static final Comparator<Bid> BID_ORDER =
      Comparator.comparingLong(Bid::price)
          .thenComparing(Comparator.comparingLong(Bid::dateTime).reversed())
          .thenComparing(Comparator.comparingLong(Bid::auction).reversed())
          .thenComparing(Comparator.comparingLong(Bid::bidder).reversed())
          .thenComparing(Bid::url, Comparator.reverseOrder())
          .thenComparing(Bid::channel, Comparator.reverseOrder())
          .thenComparing(Bid::extra, Comparator.reverseOrder());

  private NexmarkQueries() {}

  public static boolean isPerson(Event event) {
    return event.person() != null;
  }

  public static boolean isAuction(Event event) {
    return event.auction() != null;
  }

  public static boolean isBid(Event event) {
    return event.bid() != null;
  }

  /** q0: the bid itself. */
  public static Bid passThrough(Event event) {
    return event.bid();
  }

  /** q1: the bid with its price in euro cents, rounded half up. */
  public static Bid inEuros(Event event) {
    Bid bid = event.bid();
    return bid.withPrice(Math.round(bid.price() * DOLLAR_TO_EURO));
  }

  /** q2's filter. */
  public static boolean isSelectedAuction(Bid bid) {
    return bid.auction() % Q2_AUCTION_MODULUS == 0;
  }

  /** q2's projection. */
  public static AuctionPrice auctionPrice(Bid bid) {
    return new AuctionPrice(bid.auction(), bid.price());
  }

  /** q3's filter of persons: the event is a person living in OR, ID or CA. */
  public static boolean isLocalSeller(Event event) {
    return event.person() != null && Q3_STATES.contains(event.person().state());
  }

  /** q3's filter of auctions: the event is an auction in category 10. */
  public static boolean isCategoryTenAuction(Event event) {
    return event.auction() != null && event.auction().category() == Q3_CATEGORY;
  }

  /** q3's result of a seller and one of their auctions. */
  public static SellerItem sellerItem(Person seller, Auction auction) {
    return new SellerItem(seller.name(), seller.city(), seller.state(), auction.id());
  }

  /** q4: whether {@code bid} is on {@code auction} and within its lifetime, both ends included. */
  public static boolean bidsDuring(Bid bid, Auction auction) {
    return bid.auction() == auction.id()
        && bid.dateTime() >= auction.dateTime()
        && bid.dateTime() <= auction.expires();
  }

  /** q4's winner of an auction whose highest bid within its lifetime was {@code price}. */
  public static AuctionWinner winner(Auction auction, long price) {
    return new AuctionWinner(auction.id(), auction.category(), price, auction.expires());
  }

  /** q4's running average of a category. */
  public static CategoryAverage categoryAverage(long category, long asOf, PriceSum total) {
    return new CategoryAverage(category, asOf, total.count(), total.average());
  }

  /** q5's and q11's count of bids: the accumulator after one more bid. */
  public static long countOne(long count) {
    return count + 1;
  }

  /** q7: the higher of two bids, by price, ties going to the earlier bid (then a total order). */
  public static Bid higherBid(Bid a, Bid b) {
    return BID_ORDER.compare(a, b) >= 0 ? a : b;
  }

  /** q5: the auctions of {@code counts} (all of one window) with the most bids. */
  public static List<AuctionBids> mostBids(Iterable<AuctionBids> counts) {
    List<AuctionBids> top = new ArrayList<>();
    long most = Long.MIN_VALUE;
    for (AuctionBids c : counts) {
      if (c.bids() > most) {
        top.clear();
        most = c.bids();
      }
      if (c.bids() == most) {
        top.add(c);
      }
    }
    return top;
  }

  /** q8: the persons of one window and key who opened an auction in it. */
  public static List<NewUser> newUsers(
      Iterable<Person> persons, Iterable<Auction> auctions, long windowSizeMillis) {
    List<NewUser> out = new ArrayList<>();
    if (!auctions.iterator().hasNext()) {
      return out;
    }
    for (Person p : persons) {
      long start = p.dateTime() - Math.floorMod(p.dateTime(), windowSizeMillis);
      out.add(new NewUser(p.id(), p.name(), start, start + windowSizeMillis));
    }
    return out;
  }
}
