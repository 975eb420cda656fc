package io.sluice.bench.common;

/**
 * The per-record functions of the benchmarks over generated longs. Both engines call these from
 * their own function classes, so the work per record is the same; the arithmetic is cheap on
 * purpose, the benchmarks measure the engines.
 */
public final class LongWorkloads {
  /** The number of distinct keys of {@code keyby-reduce}. */
  public static final long KEYS = 10_000;

  private LongWorkloads() {}

  /** chained-map, first map. */
  public static long scramble(long x) {
    return x * 31 + 17;
  }

  /** chained-map filter: keeps about three records in four. */
  public static boolean keep(long v) {
    return (v & 3) != 0;
  }

  /** chained-map, second map. */
  public static long fold(long v) {
    return v ^ (v >>> 7);
  }

  /** keyby-reduce key. */
  public static long key(long x) {
    return x % KEYS;
  }

  /** keyby-reduce rolling sum. */
  public static long sum(long accumulated, long value) {
    return accumulated + value;
  }

  /** rebalance map; {@link #rebalanceOrigin} inverts it so the sink can measure latency. */
  public static long rebalanceMap(long x) {
    return x * 3 + 1;
  }

  public static long rebalanceOrigin(long mapped) {
    return (mapped - 1) / 3;
  }
}
