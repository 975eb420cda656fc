package io.sluice.state.heap;

import io.sluice.api.state.ValueState;

/** A {@link ValueState} holding the value object itself; updating to null clears the key. */
final class HeapValueState<K, V> implements ValueState<V> {
  private final StateTable<K, V> table;

  HeapValueState(StateTable<K, V> table) {
    this.table = table;
  }

  @Override
  public V value() {
    return table.get();
  }

  @Override
  public void update(V value) {
    if (value == null) {
      table.remove();
    } else {
      table.put(value);
    }
  }

  @Override
  public void clear() {
    table.remove();
  }
}
