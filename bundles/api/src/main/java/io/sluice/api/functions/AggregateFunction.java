package io.sluice.api.functions;

/**
 * Aggregates values incrementally through an accumulator, so that state holds one small accumulator
 * per key (or window) instead of every value: an average keeps {@code (sum, count)} and divides
 * only when the result is asked for.
 *
 * <pre>{@code
 * class Average implements AggregateFunction<Long, long[], Double> {
 *   public long[] createAccumulator() { return new long[2]; }
 *   public long[] add(Long value, long[] acc) { acc[0] += value; acc[1]++; return acc; }
 *   public Double getResult(long[] acc) { return (double) acc[0] / acc[1]; }
 *   public long[] merge(long[] a, long[] b) { a[0] += b[0]; a[1] += b[1]; return a; }
 * }
 * }</pre>
 *
 * <p>An accumulator may be mutable: {@link #add} and {@link #merge} may change and return their
 * argument, and the caller uses only what they return.
 *
 * @param <IN> the type of the aggregated values
 * @param <ACC> the type of the accumulator (what state stores)
 * @param <OUT> the type of the result
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {

  /** A new accumulator for an empty aggregate; called before the first {@link #add}. */
  ACC createAccumulator();

  /** Adds {@code value} to {@code accumulator} and returns the accumulator to keep. */
  ACC add(IN value, ACC accumulator);

  /** The result of the aggregate so far; must not change {@code accumulator}. */
  OUT getResult(ACC accumulator);

  /**
   * Combines two accumulators into one, for aggregates computed in parts (merging windows); may
   * change and return either argument.
   */
  ACC merge(ACC a, ACC b);
}
