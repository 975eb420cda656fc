package io.sluice.bench.common.hotpath;

import io.sluice.bench.common.Fingerprint;

/**
 * The record {@code pojo-shuffle} sends between tasks: eight fields of mixed types (primitives, a
 * string, an enum, a nested record), so that both engines' record serializers do their general work
 * rather than a {@code long}'s. Made from a generated index by {@link #of}, a pure function.
 *
 * <p>Both engines serialize it field by field without a generic fallback: Flink analyses records as
 * POJOs ({@code PojoSerializer}, checked by a test), Sluice derives its {@code RecordSerializer}.
 */
public record Trade(
    long id,
    int quantity,
    double price,
    String symbol,
    boolean buy,
    Venue venue,
    long timestamp,
    Account account) {

  private static final String[] SYMBOLS = {
    "ACME", "BOLT", "CRUX", "DYNA", "EPIC", "FLUX", "GRID", "HALO", "IONX", "JADE", "KITE", "LUMA"
  };
  private static final String[] DESKS = {"rates", "credit", "equities", "fx", "commodities"};
  private static final Venue[] VENUES = Venue.values();

  /** The trade made from generated index {@code x}; the same in every JVM. */
  public static Trade of(long x) {
    long h = Fingerprint.mix(x);
    return new Trade(
        x,
        (int) (h & 0x3ff) + 1,
        ((h >>> 10) & 0xfffff) / 100.0,
        SYMBOLS[(int) Long.remainderUnsigned(h >>> 30, SYMBOLS.length)],
        (h & (1L << 40)) != 0,
        VENUES[(int) Long.remainderUnsigned(h >>> 41, VENUES.length)],
        1_700_000_000_000L + x,
        new Account(x % 5_003, DESKS[(int) (x % DESKS.length)]));
  }

  /**
   * Folds every field into one long (what the benchmark's last map outputs), so that no engine can
   * skip deserializing any of them.
   */
  public long fold() {
    long h = Fingerprint.combine(13, id);
    h = Fingerprint.combine(h, quantity);
    h = Fingerprint.combine(h, Double.doubleToLongBits(price));
    h = Fingerprint.combine(h, symbol);
    h = Fingerprint.combine(h, buy ? 1 : 0);
    h = Fingerprint.combine(h, venue.ordinal());
    h = Fingerprint.combine(h, timestamp);
    h = Fingerprint.combine(h, account.id());
    return Fingerprint.combine(h, account.desk());
  }
}
