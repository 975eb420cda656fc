package io.sluice.bench.common.nexmark;

/**
 * The per-record logic of the NEXMark queries that need neither windows nor joins. Both engines
 * build each query as {@code filter(isBid) → map(…) [→ filter → map]} around these methods.
 */
public final class NexmarkQueries {
  /** The exchange rate of q1. */
  public static final double DOLLAR_TO_EURO = 0.908;

  /** q2 keeps bids on auctions whose id is a multiple of this. */
  public static final long Q2_AUCTION_MODULUS = 123;

  private NexmarkQueries() {}

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
}
