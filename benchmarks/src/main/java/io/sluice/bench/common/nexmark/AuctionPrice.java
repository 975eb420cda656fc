package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/** The output of NEXMark q2: an auction id and a bid price on it. */
public record AuctionPrice(long auction, long price) implements Fingerprinted {
  @Override
  public long fingerprint() {
    return Fingerprint.combine(Fingerprint.combine(4, auction), price);
  }
}
