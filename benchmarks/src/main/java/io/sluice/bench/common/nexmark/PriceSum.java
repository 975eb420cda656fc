package io.sluice.bench.common.nexmark;

/** A sum of prices and how many were summed: the state of q4's running average. */
public record PriceSum(long sum, long count) {
  public static final PriceSum EMPTY = new PriceSum(0, 0);

  public PriceSum plus(long price) {
    return new PriceSum(sum + price, count + 1);
  }

  public PriceSum plus(PriceSum other) {
    return new PriceSum(sum + other.sum, count + other.count);
  }

  /** The average, rounded half up to whole cents so that it compares exactly between engines. */
  public long average() {
    return Math.round((double) sum / count);
  }
}
