package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/**
 * How many bids an auction got in the event-time window {@code [windowStart, windowEnd)}: the
 * intermediate and the final output of NEXMark q5.
 */
public record AuctionBids(long auction, long bids, long windowStart, long windowEnd)
    implements Fingerprinted {
  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(7, auction);
    h = Fingerprint.combine(h, bids);
    h = Fingerprint.combine(h, windowStart);
    return Fingerprint.combine(h, windowEnd);
  }
}
