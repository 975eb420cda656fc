package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/** A NEXMark bid of {@code price} (in cents) by a person on an auction. */
public record Bid(
    long auction, long bidder, long price, String channel, String url, long dateTime, String extra)
    implements Fingerprinted {

  /** This bid at another price. */
  public Bid withPrice(long newPrice) {
    return new Bid(auction, bidder, newPrice, channel, url, dateTime, extra);
  }

  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(3, auction);
    h = Fingerprint.combine(h, bidder);
    h = Fingerprint.combine(h, price);
    h = Fingerprint.combine(h, channel);
    h = Fingerprint.combine(h, url);
    h = Fingerprint.combine(h, dateTime);
    return Fingerprint.combine(h, extra);
  }
}
