package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/**
 * The output of NEXMark q4: the average winning price in a category over every auction of it that
 * expired at or before {@code asOf} (event time), with how many auctions that average covers.
 */
public record CategoryAverage(long category, long asOf, long auctions, long averagePrice)
    implements Fingerprinted {
  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(6, category);
    h = Fingerprint.combine(h, asOf);
    h = Fingerprint.combine(h, auctions);
    return Fingerprint.combine(h, averagePrice);
  }
}
