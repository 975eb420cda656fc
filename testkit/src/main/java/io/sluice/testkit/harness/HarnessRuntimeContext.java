package io.sluice.testkit.harness;

import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;

/**
 * The {@link RuntimeContext} of an operator under test: subtask 1 of 1 of job {@value
 * OperatorHarness#JOB_ID}; keyed state only in keyed harnesses, failing elsewhere with the same
 * advice the runtime gives.
 */
final class HarnessRuntimeContext implements RuntimeContext {
  private final String description;
  private final int maxParallelism;
  private final ClassLoader userClassLoader;
  private final KeyedStateStore keyedState;

  HarnessRuntimeContext(
      String description,
      int maxParallelism,
      ClassLoader userClassLoader,
      KeyedStateStore keyedState) {
    this.description = description;
    this.maxParallelism = maxParallelism;
    this.userClassLoader = userClassLoader;
    this.keyedState = keyedState;
  }

  @Override
  public String getJobId() {
    return OperatorHarness.JOB_ID;
  }

  @Override
  public String getTaskNameWithSubtask() {
    return description;
  }

  @Override
  public int getIndexOfThisSubtask() {
    return 0;
  }

  @Override
  public int getNumberOfParallelSubtasks() {
    return 1;
  }

  @Override
  public int getMaxNumberOfParallelSubtasks() {
    return maxParallelism;
  }

  @Override
  public ClassLoader getUserCodeClassLoader() {
    return userClassLoader;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return keyed().getState(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return keyed().getListState(descriptor);
  }

  @Override
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    return keyed().getMapState(descriptor);
  }

  @Override
  public <T> io.sluice.api.state.ReducingState<T> getReducingState(
      io.sluice.api.state.ReducingStateDescriptor<T> descriptor) {
    return keyed().getReducingState(descriptor);
  }

  @Override
  public <IN, ACC, OUT> io.sluice.api.state.AggregatingState<IN, OUT> getAggregatingState(
      io.sluice.api.state.AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return keyed().getAggregatingState(descriptor);
  }

  private KeyedStateStore keyed() {
    if (keyedState == null) {
      throw new UnsupportedOperationException(
          "Keyed state is only available on a keyed stream (after keyBy); operator '"
              + description
              + "' runs in a non-keyed harness: use a keyed harness (Harnesses.forKeyed...)");
    }
    return keyedState;
  }
}
