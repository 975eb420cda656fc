package io.sluice.state.rocksdb;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.StateAccessException;
import java.util.Objects;

/**
 * A {@link ReducingState} storing the reduced value: each add reads, reduces and writes it back. An
 * expired value is not reduced with: the next add starts over. A failing reduce function leaves the
 * stored value as it was.
 */
final class RocksDbReducingState<V> implements ReducingState<V> {
  private final ValueCell<V> cell;
  private final ReduceFunction<V> reduceFunction;

  RocksDbReducingState(ValueCell<V> cell, ReduceFunction<V> reduceFunction) {
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
    Objects.requireNonNull(value, () -> "reducing state '" + cell.name() + "' cannot add null");
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
          "the reduce function of reducing state '" + cell.name() + "' failed: " + e, e);
    }
  }
}
