package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/** The output of NEXMark q7: the highest bid of the window {@code [windowStart, windowEnd)}. */
public record WindowBid(long windowStart, long windowEnd, Bid bid) implements Fingerprinted {
  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(8, windowStart);
    h = Fingerprint.combine(h, windowEnd);
    return Fingerprint.combine(h, bid.fingerprint());
  }
}
