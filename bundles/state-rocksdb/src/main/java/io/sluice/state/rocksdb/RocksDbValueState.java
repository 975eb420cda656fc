package io.sluice.state.rocksdb;

import io.sluice.api.state.ValueState;

/**
 * A {@link ValueState} storing the serialized value under the current key; updating to null clears
 * the key. {@link #value()} returns a fresh deserialized object, so mutating it changes nothing
 * until {@link #update}.
 */
final class RocksDbValueState<V> implements ValueState<V> {
  private final ValueCell<V> cell;

  RocksDbValueState(ValueCell<V> cell) {
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
