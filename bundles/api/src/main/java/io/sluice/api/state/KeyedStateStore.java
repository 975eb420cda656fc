package io.sluice.api.state;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates (or finds) keyed state handles; what a function's runtime context offers on a keyed
 * stream. A name stands for one state: asking again with an equal descriptor returns the same
 * handle, asking with a different kind, type or time-to-live is an error.
 */
@ProviderType
public interface KeyedStateStore {
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
