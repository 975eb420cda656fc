package io.sluice.api.datastream;

import java.time.Duration;

/**
 * The first step of an interval join of two keyed streams, created by {@link
 * KeyedStream#intervalJoin}; {@link #between} gives the interval.
 *
 * <pre>{@code
 * clicks.keyBy(Click::user)
 *     .intervalJoin(views.keyBy(View::user))
 *     .between(Duration.ofMinutes(-5), Duration.ofMinutes(1))
 *     .process(new ClickAfterView())
 * }</pre>
 */
public final class IntervalJoin<T1, T2, K> {
  private final KeyedStream<T1, K> left;
  private final KeyedStream<T2, K> right;

  IntervalJoin(KeyedStream<T1, K> left, KeyedStream<T2, K> right) {
    if (!left.getKeyType().equals(right.getKeyType())) {
      throw new IllegalArgumentException(
          "An interval join needs both streams keyed by the same key type, but the left key is "
              + left.getKeyType().getTypeName()
              + " and the right "
              + right.getKeyType().getTypeName());
    }
    this.left = left;
    this.right = right;
  }

  /**
   * Joins a left element at {@code l} with the right elements at {@code r} where {@code l + lower
   * <= r <= l + upper} (event time, millisecond precision; bounds inclusive unless made exclusive
   * on the result).
   */
  public IntervalJoined<T1, T2, K> between(Duration lower, Duration upper) {
    long lowerMillis = lower.toMillis();
    long upperMillis = upper.toMillis();
    if (lowerMillis > upperMillis) {
      throw new IllegalArgumentException(
          "interval join: the lower bound " + lower + " is above the upper bound " + upper);
    }
    return new IntervalJoined<>(left, right, lowerMillis, upperMillis);
  }
}
