package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/** A NEXMark auction of one item by a seller, open from {@code dateTime} to {@code expires}. */
public record Auction(
    long id,
    String itemName,
    String description,
    long initialBid,
    long reserve,
    long dateTime,
    long expires,
    long seller,
    long category,
    String extra)
    implements Fingerprinted {

  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(2, id);
    h = Fingerprint.combine(h, itemName);
    h = Fingerprint.combine(h, description);
    h = Fingerprint.combine(h, initialBid);
    h = Fingerprint.combine(h, reserve);
    h = Fingerprint.combine(h, dateTime);
    h = Fingerprint.combine(h, expires);
    h = Fingerprint.combine(h, seller);
    h = Fingerprint.combine(h, category);
    return Fingerprint.combine(h, extra);
  }
}
