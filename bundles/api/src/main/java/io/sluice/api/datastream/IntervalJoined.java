package io.sluice.api.datastream;

import io.sluice.api.functions.ProcessJoinFunction;
import io.sluice.api.operators.IntervalJoinOperator;
import io.sluice.api.operators.StreamOperator;

/**
 * An interval join with its bounds: choose exclusive bounds if needed, then {@link #process} the
 * pairs. Runs on event time; elements behind the watermark are dropped.
 */
public final class IntervalJoined<T1, T2, K> {
  private final KeyedStream<T1, K> left;
  private final KeyedStream<T2, K> right;
  private final long lower;
  private final long upper;
  private boolean lowerExclusive;
  private boolean upperExclusive;

  IntervalJoined(KeyedStream<T1, K> left, KeyedStream<T2, K> right, long lower, long upper) {
    this.left = left;
    this.right = right;
    this.lower = lower;
    this.upper = upper;
  }

  /** Excludes pairs with {@code r == l + lower}. */
  public IntervalJoined<T1, T2, K> lowerBoundExclusive() {
    lowerExclusive = true;
    return this;
  }

  /** Excludes pairs with {@code r == l + upper}. */
  public IntervalJoined<T1, T2, K> upperBoundExclusive() {
    upperExclusive = true;
    return this;
  }

  /** Calls {@code function} for each pair; its output carries the later of the two timestamps. */
  public <R> DataStream<R> process(ProcessJoinFunction<T1, T2, R> function) {
    long inclusiveLower = lowerExclusive ? lower + 1 : lower;
    long inclusiveUpper = upperExclusive ? upper - 1 : upper;
    if (inclusiveLower > inclusiveUpper) {
      throw new IllegalArgumentException(
          "interval join: no timestamp lies between the bounds ["
              + lower
              + ", "
              + upper
              + "] ms once the exclusive ones are left out");
    }
    return TwoInputs.transform(
        "Interval Join",
        left,
        right,
        function,
        ProcessJoinFunction.class,
        2,
        new TwoInputs.StateKeys<>(left.getKeySelector(), right.getKeySelector(), left.getKeyType()),
        (ProcessJoinFunction<T1, T2, R> fn) ->
            (StreamOperator<R>)
                new IntervalJoinOperator<K, T1, T2, R>(
                    fn,
                    inclusiveLower,
                    inclusiveUpper,
                    left.getTransformation().getOutputType(),
                    right.getTransformation().getOutputType()));
  }
}
