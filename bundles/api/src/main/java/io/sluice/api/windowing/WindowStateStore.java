package io.sluice.api.windowing;

import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;

/**
 * State scoped to the current key <em>and</em> the current window: what a trigger keeps per window
 * (a count), or what a process window function keeps across firings of one window. Handles read and
 * write the value of the window being processed when they are called, so a handle may be kept in a
 * field. Used only from the task thread.
 */
public interface WindowStateStore {
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);
}
