package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/** The output of NEXMark q3: a seller from OR, ID or CA and an auction of theirs in category 10. */
public record SellerItem(String name, String city, String state, long auction)
    implements Fingerprinted {
  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(5, name);
    h = Fingerprint.combine(h, city);
    h = Fingerprint.combine(h, state);
    return Fingerprint.combine(h, auction);
  }
}
