package io.sluice.bench.common;

import io.sluice.bench.common.hotpath.CountSum;
import io.sluice.bench.common.hotpath.WindowSum;
import java.time.Duration;

/**
 * The per-record functions of the benchmarks over generated longs. Both engines call these from
 * their own function classes, so the work per record is the same; the arithmetic is cheap on
 * purpose, the benchmarks measure the engines.
 */
public final class LongWorkloads {
  /** The number of distinct keys of {@code keyby-reduce} and {@code window-aggregate}. */
  public static final long KEYS = 10_000;

  /**
   * window-aggregate: generated records per millisecond of event time. 100 per ms makes a 1 s
   * window hold 100,000 records, ten per key, and a run of a few million records fire dozens of
   * windows.
   */
  public static final long RECORDS_PER_MILLI = 100;

  /** window-aggregate: the size of the tumbling event-time windows. */
  public static final Duration WINDOW = Duration.ofSeconds(1);

  /**
   * The number of distinct keys of {@code state-heap} and {@code state-rocksdb}: more than fit a
   * CPU cache, a multiple of every parallelism used (see {@link #KEYS}).
   */
  public static final long STATE_KEYS = 100_000;

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

  /**
   * window-aggregate: the event time of record {@code x}, in ms. It only grows with the index, and
   * each source subtask generates ascending indices, so monotonous watermarks never make a record
   * late.
   */
  public static long eventTime(long x) {
    return x / RECORDS_PER_MILLI;
  }

  /** window-aggregate: the accumulator with record {@code x} added. */
  public static CountSum count(CountSum accumulator, long x) {
    return accumulator.plus(x);
  }

  /** window-aggregate output of key {@code key}'s window that ends at {@code windowEnd}. */
  public static WindowSum windowSum(long key, long windowEnd, CountSum accumulator) {
    return new WindowSum(key, windowEnd, accumulator.count(), accumulator.sum());
  }

  /** state-heap and state-rocksdb key. */
  public static long stateKey(long x) {
    return x % STATE_KEYS;
  }

  /** rebalance map; {@link #rebalanceOrigin} inverts it so the sink can measure latency. */
  public static long rebalanceMap(long x) {
    return x * 3 + 1;
  }

  public static long rebalanceOrigin(long mapped) {
    return (mapped - 1) / 3;
  }
}
