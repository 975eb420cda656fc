package io.sluice.state.heap;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.state.AggregatingState;
import java.util.Objects;

/**
 * An {@link AggregatingState} holding the accumulator object itself (in a {@link TtlValueCell} if
 * the state has a time-to-live) and computing the result on each {@link #get()}. The accumulator is
 * the function's own object: it may mutate it in {@link AggregateFunction#add}. An expired
 * accumulator is not added to: the next add starts from a new one.
 */
final class HeapAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
  private final ValueCell<ACC> cell;
  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  HeapAggregatingState(ValueCell<ACC> cell, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
    this.cell = cell;
    this.aggregateFunction = aggregateFunction;
  }

  @Override
  public OUT get() {
    ACC accumulator = cell.get();
    return accumulator == null ? null : aggregateFunction.getResult(accumulator);
  }

  /** Stores {@code add(value, accumulator)}; a null accumulator returned clears the key. */
  @Override
  public void add(IN value) {
    Objects.requireNonNull(
        value, () -> "aggregating state '" + cell.metaInfo().name() + "' cannot add null");
    ACC accumulator = cell.getForUpdate();
    if (accumulator == null) {
      accumulator = aggregateFunction.createAccumulator();
    }
    ACC added = aggregateFunction.add(value, accumulator);
    if (added == null) {
      cell.remove();
    } else {
      cell.put(added);
    }
  }

  @Override
  public void clear() {
    cell.remove();
  }
}
