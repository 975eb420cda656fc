package io.sluice.examples.latedata;

import io.sluice.api.functions.AggregateFunction;

/** The highest temperature and the number of readings of a window, as {@code {max, count}}. */
final class MaxAndCount implements AggregateFunction<Reading, long[], long[]> {
  private static final long serialVersionUID = 1L;

  @Override
  public long[] createAccumulator() {
    return new long[] {Long.MIN_VALUE, 0};
  }

  @Override
  public long[] add(Reading reading, long[] accumulator) {
    accumulator[0] = Math.max(accumulator[0], reading.temperature());
    accumulator[1]++;
    return accumulator;
  }

  @Override
  public long[] getResult(long[] accumulator) {
    return accumulator.clone();
  }

  @Override
  public long[] merge(long[] a, long[] b) {
    return new long[] {Math.max(a[0], b[0]), a[1] + b[1]};
  }
}
