package io.sluice.bench.common;

/**
 * Stable 64-bit hashes of outputs, summed by the sinks into an order-independent checksum that the
 * runner compares between engines.
 *
 * <p>A record folds its fields with {@link #combine} (a multiply-add per field, every field and
 * every string's content included) and {@link #of} mixes the result once. The sink is part of what
 * both engines pay per record, so it is kept cheap: mixing after every field made the checksum
 * about a fifth of the plain Java NEXMark q0 loop.
 */
public final class Fingerprint {
  private Fingerprint() {}

  public static long of(Object value) {
    if (value instanceof Long l) {
      return mix(l);
    }
    if (value instanceof Fingerprinted f) {
      return mix(f.fingerprint());
    }
    throw new IllegalArgumentException(
        "no fingerprint for " + (value == null ? "null" : value.getClass().getName()));
  }

  /** A bijective avalanche of {@code x} (the SplitMix64 finalizer). */
  public static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  /**
   * Folds {@code value} into the running hash {@code h}: a polynomial step (odd multiplier), so a
   * change in any one field changes the result; {@link #of} gives it its avalanche.
   */
  public static long combine(long h, long value) {
    return h * 0x9e3779b97f4a7c15L + value;
  }

  /**
   * Folds a string (null allowed) into the running hash {@code h}: its content hash code, which the
   * string caches in itself. Not its length: that would read the string's character array too, a
   * second cache miss per string when a record's strings come from a large pool (NEXMark's 10,000
   * channel urls).
   */
  public static long combine(long h, String value) {
    return combine(h, value == null ? 0x5bd1e995L : value.hashCode());
  }
}
