package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprinted;

/**
 * One NEXMark event: exactly one of person, auction and bid is set. A record with nullable
 * components rather than a class hierarchy so that both engines treat it as a plain value type
 * (Sluice's record serializer, Flink's POJO serializer for records) without type registration.
 */
public record Event(Person person, Auction auction, Bid bid) implements Fingerprinted {

  public static Event of(Person person) {
    return new Event(person, null, null);
  }

  public static Event of(Auction auction) {
    return new Event(null, auction, null);
  }

  public static Event of(Bid bid) {
    return new Event(null, null, bid);
  }

  /** The event time in epoch milliseconds. */
  public long timestamp() {
    if (bid != null) {
      return bid.dateTime();
    }
    return auction != null ? auction.dateTime() : person.dateTime();
  }

  @Override
  public long fingerprint() {
    if (bid != null) {
      return bid.fingerprint();
    }
    return auction != null ? auction.fingerprint() : person.fingerprint();
  }
}
