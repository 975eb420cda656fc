package io.sluice.state.heap;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.StateAccessException;
import java.util.Objects;

/**
 * A {@link ReducingState} holding the reduced value itself (in a {@link TtlValueCell} if the state
 * has a time-to-live). An expired value is not reduced with: the next add starts over.
 */
final class HeapReducingState<V> implements ReducingState<V> {
  private final ValueCell<V> cell;
  private final ReduceFunction<V> reduceFunction;

  HeapReducingState(ValueCell<V> cell, ReduceFunction<V> reduceFunction) {
    this.cell = cell;
    this.reduceFunction = reduceFunction;
  }

  @Override
  public V get() {
    return cell.get();
  }

  /** Stores {@code reduce(current, value)}; a null result clears the key. */
  @Override
  public void add(V value) {
    Objects.requireNonNull(value, () -> "reducing state '" + name() + "' cannot add null");
    V current = cell.getForUpdate();
    V reduced = current == null ? value : reduce(current, value);
    if (reduced == null) {
      cell.remove();
    } else {
      cell.put(reduced);
    }
  }

  @Override
  public void clear() {
    cell.remove();
  }

  private V reduce(V current, V value) {
    try {
      return reduceFunction.reduce(current, value);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new StateAccessException(
          "the reduce function of reducing state '" + name() + "' failed: " + e, e);
    }
  }

  private String name() {
    return cell.metaInfo().name();
  }
}
