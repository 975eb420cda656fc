package io.sluice.state.heap;

import io.sluice.api.state.ValueState;

/**
 * A {@link ValueState} holding the value object itself (in a {@link TtlValueCell} if the state has
 * a time-to-live); updating to null clears the key.
 */
final class HeapValueState<V> implements ValueState<V> {
  private final ValueCell<V> cell;

  HeapValueState(ValueCell<V> cell) {
    this.cell = cell;
  }

  @Override
  public V value() {
    return cell.get();
  }

  @Override
  public void update(V value) {
    if (value == null) {
      cell.remove();
    } else {
      cell.put(value);
    }
  }

  @Override
  public void clear() {
    cell.remove();
  }
}
