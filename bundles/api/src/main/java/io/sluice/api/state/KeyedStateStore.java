package io.sluice.api.state;

/**
 * Creates (or finds) keyed state handles; what a function's runtime context offers on a keyed
 * stream.
 */
public interface KeyedStateStore {
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);
}
