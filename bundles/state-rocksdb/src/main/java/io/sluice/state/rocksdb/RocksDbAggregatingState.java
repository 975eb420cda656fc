package io.sluice.state.rocksdb;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.state.AggregatingState;
import java.util.Objects;

/**
 * An {@link AggregatingState} storing the serialized accumulator: each add deserializes it, lets
 * the function add to it (mutating it is fine, it is a fresh copy) and writes it back; {@link
 * #get()} computes the result. An expired accumulator is not added to: the next add starts anew.
 */
final class RocksDbAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
  private final ValueCell<ACC> cell;
  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  RocksDbAggregatingState(ValueCell<ACC> cell, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
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
    Objects.requireNonNull(value, () -> "aggregating state '" + cell.name() + "' cannot add null");
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
