package io.sluice.bench.common;

/**
 * Stable 64-bit hashes of outputs, summed by the sinks into an order-independent checksum that the
 * runner compares between engines.
 */
public final class Fingerprint {
  private Fingerprint() {}

  public static long of(Object value) {
    if (value instanceof Long l) {
      return mix(l);
    }
    if (value instanceof Fingerprinted f) {
      return f.fingerprint();
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

  /** Folds {@code value} into the running hash {@code h}. */
  public static long combine(long h, long value) {
    return mix(h * 0x9e3779b97f4a7c15L + value);
  }

  /** Folds a string (null allowed) into the running hash {@code h}. */
  public static long combine(long h, String value) {
    return combine(
        h, value == null ? 0x5bd1e995L : value.hashCode() + ((long) value.length() << 32));
  }
}
