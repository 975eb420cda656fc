package io.sluice.api.functions;

/**
 * Aggregates elements incrementally into an accumulator: an average keeps (sum, count) and returns
 * sum / count. {@link #merge} combines accumulators of merging (session) windows.
 *
 * @param <IN> the elements added
 * @param <ACC> the accumulator
 * @param <OUT> the result
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
  ACC createAccumulator();

  /** Adds {@code value}; may update and return {@code accumulator} or return a new one. */
  ACC add(IN value, ACC accumulator);

  OUT getResult(ACC accumulator);

  ACC merge(ACC a, ACC b);
}
