package io.sluice.bench.common.hotpath;

/**
 * The accumulator of {@code window-aggregate}: how many values a key had in a window and their sum.
 * Immutable: each added value makes a new accumulator, on both engines alike.
 */
public record CountSum(long count, long sum) {
  /** Nothing counted yet. */
  public static final CountSum EMPTY = new CountSum(0, 0);

  /** This plus one more {@code value}. */
  public CountSum plus(long value) {
    return new CountSum(count + 1, sum + value);
  }

  /** Both accumulators together (for merging windows; tumbling windows never merge). */
  public CountSum plus(CountSum other) {
    return new CountSum(count + other.count, sum + other.sum);
  }
}
