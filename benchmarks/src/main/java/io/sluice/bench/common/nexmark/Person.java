package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.Fingerprinted;

/** A NEXMark person: someone who sells or bids. {@code dateTime} is event time in epoch millis. */
public record Person(
    long id,
    String name,
    String emailAddress,
    String creditCard,
    String city,
    String state,
    long dateTime,
    String extra)
    implements Fingerprinted {

  @Override
  public long fingerprint() {
    long h = Fingerprint.combine(1, id);
    h = Fingerprint.combine(h, name);
    h = Fingerprint.combine(h, emailAddress);
    h = Fingerprint.combine(h, creditCard);
    h = Fingerprint.combine(h, city);
    h = Fingerprint.combine(h, state);
    h = Fingerprint.combine(h, dateTime);
    return Fingerprint.combine(h, extra);
  }
}
