package io.sluice.bench.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.common.nexmark.Bid;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final Bid BID =
      new Bid(
          1_007L,
          1_042L,
          12_345L,
          "Google",
          "https://www.nexmark.com/abcde/item.htm?query=12",
          1_704_067_200_000L,
          "padding");

  @Test
  void changingAnyOneFieldOfARecordChangesItsFingerprint() {
    List<Bid> variants =
        List.of(
            BID,
            new Bid(1_008L, 1_042L, 12_345L, BID.channel(), BID.url(), BID.dateTime(), BID.extra()),
            new Bid(1_007L, 1_043L, 12_345L, BID.channel(), BID.url(), BID.dateTime(), BID.extra()),
            BID.withPrice(12_346L),
            new Bid(1_007L, 1_042L, 12_345L, "Apple", BID.url(), BID.dateTime(), BID.extra()),
            new Bid(
                1_007L,
                1_042L,
                12_345L,
                BID.channel(),
                BID.url() + "3",
                BID.dateTime(),
                BID.extra()),
            new Bid(
                1_007L, 1_042L, 12_345L, BID.channel(), BID.url(), BID.dateTime() + 1, BID.extra()),
            new Bid(1_007L, 1_042L, 12_345L, BID.channel(), BID.url(), BID.dateTime(), "paddinh"),
            new Bid(1_007L, 1_042L, 12_345L, BID.channel(), BID.url(), BID.dateTime(), null));
    Set<Long> fingerprints = new HashSet<>();
    for (Bid bid : variants) {
      fingerprints.add(Fingerprint.of(bid));
    }
    assertThat(fingerprints).hasSize(variants.size());
  }

  @Test
  void swappingTwoFieldsChangesTheFingerprint() {
    Bid swapped =
        new Bid(1_042L, 1_007L, 12_345L, BID.channel(), BID.url(), BID.dateTime(), BID.extra());
    assertThat(Fingerprint.of(swapped)).isNotEqualTo(Fingerprint.of(BID));
  }

  @Test
  void equalRecordsHaveEqualFingerprintsAndTheSumIgnoresOrder() {
    Bid copy =
        new Bid(
            1_007L,
            1_042L,
            12_345L,
            "Goo" + "gle",
            BID.url(),
            BID.dateTime(),
            new String("padding"));
    assertThat(Fingerprint.of(copy)).isEqualTo(Fingerprint.of(BID));
    long ab = Fingerprint.of(BID) + Fingerprint.of(5L);
    long ba = Fingerprint.of(5L) + Fingerprint.of(copy);
    assertThat(ab).isEqualTo(ba);
  }

  @Test
  void recordFingerprintsAreMixedSoNeighbouringValuesSpreadOverAllBits() {
    // Sums of fingerprints must not cancel: neighbouring records differ in about half their bits.
    long a = Fingerprint.of(BID);
    long b = Fingerprint.of(BID.withPrice(BID.price() + 1));
    assertThat(Long.bitCount(a ^ b)).isBetween(16, 48);
  }
}
