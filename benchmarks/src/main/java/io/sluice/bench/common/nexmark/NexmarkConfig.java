package io.sluice.bench.common.nexmark;

import java.io.Serializable;

/**
 * The parameters of the NEXMark event stream, defaulting to those of the published benchmark.
 *
 * @param seed makes the stream reproducible: the same seed gives the same events
 * @param baseTimeMillis event time of event 0
 * @param eventsPerSecond event-time rate: event {@code n} is due at {@code base + n / rate}
 * @param outOfOrdernessMillis events come up to this much earlier than due; the watermark bound
 * @param personProportion persons per {@code person + auction + bid} events
 * @param auctionProportion auctions per that many events
 * @param bidProportion bids per that many events
 * @param hotAuctionRatio 1 in this many bids is on a uniformly chosen open auction, the rest on a
 *     hot one
 * @param hotSellerRatio 1 in this many auctions has a uniformly chosen seller, the rest a hot one
 * @param hotBidderRatio 1 in this many bids has a uniformly chosen bidder, the rest a hot one
 * @param auctionsInFlight how many recent auctions bids choose from
 * @param activePeople how many recent persons sellers and bidders are chosen from
 * @param avgPersonBytes average size of a person, reached by padding {@code extra}
 * @param avgAuctionBytes average size of an auction
 * @param avgBidBytes average size of a bid
 */
public record NexmarkConfig(
    long seed,
    long baseTimeMillis,
    long eventsPerSecond,
    int outOfOrdernessMillis,
    int personProportion,
    int auctionProportion,
    int bidProportion,
    int hotAuctionRatio,
    int hotSellerRatio,
    int hotBidderRatio,
    int auctionsInFlight,
    int activePeople,
    int avgPersonBytes,
    int avgAuctionBytes,
    int avgBidBytes)
    implements Serializable {

  /** The seed of the NEXMark stream in every benchmark run and test. */
  public static final long BENCHMARK_SEED = 42;

  /** 2024-01-01T00:00:00Z, fixed so that runs are reproducible. */
  public static final long DEFAULT_BASE_TIME = 1_704_067_200_000L;

  public static NexmarkConfig defaults(long seed) {
    return new NexmarkConfig(
        seed, DEFAULT_BASE_TIME, 10_000, 4_000, 1, 3, 46, 2, 4, 4, 100, 1_000, 200, 500, 100);
  }

  public NexmarkConfig {
    if (personProportion < 1 || auctionProportion < 1 || bidProportion < 1) {
      throw new IllegalArgumentException("every event kind needs a positive proportion");
    }
    if (eventsPerSecond < 1 || outOfOrdernessMillis < 0) {
      throw new IllegalArgumentException("rate must be positive, out-of-orderness not negative");
    }
    if (hotAuctionRatio < 1 || hotSellerRatio < 1 || hotBidderRatio < 1) {
      throw new IllegalArgumentException("hot ratios must be at least 1");
    }
  }

  /** Events per proportion cycle (50 by default). */
  public int eventsPerCycle() {
    return personProportion + auctionProportion + bidProportion;
  }
}
