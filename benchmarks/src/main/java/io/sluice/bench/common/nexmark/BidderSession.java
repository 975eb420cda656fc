package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/**
 * The output of NEXMark q11: how many bids a bidder made in one session, {@code [sessionStart,
 * sessionEnd)} being the first bid's time to the last bid's time plus the gap.
 */
public record BidderSession(long bidder, long bids, long sessionStart, long sessionEnd)
    implements Fingerprinted {
  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(10, bidder);
    h = Fingerprint.combine(h, bids);
    h = Fingerprint.combine(h, sessionStart);
    return Fingerprint.combine(h, sessionEnd);
  }
}
