package io.sluice.runtime.task;

import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;

/** The {@link RuntimeContext} of one operator in one subtask; keyed state only on keyed input. */
final class OperatorRuntimeContext implements RuntimeContext {
  private final TaskInfo task;
  private final String operatorName;
  private final KeyedStateStore keyedState;

  OperatorRuntimeContext(TaskInfo task, String operatorName, KeyedStateStore keyedState) {
    this.task = task;
    this.operatorName = operatorName;
    this.keyedState = keyedState;
  }

  @Override
  public String getJobId() {
    return task.jobId();
  }

  @Override
  public String getTaskNameWithSubtask() {
    return task.describe(operatorName);
  }

  @Override
  public int getIndexOfThisSubtask() {
    return task.subtaskIndex();
  }

  @Override
  public int getNumberOfParallelSubtasks() {
    return task.parallelism();
  }

  @Override
  public int getMaxNumberOfParallelSubtasks() {
    return task.maxParallelism();
  }

  @Override
  public ClassLoader getUserCodeClassLoader() {
    return task.userClassLoader();
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
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return keyed().getReducingState(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return keyed().getAggregatingState(descriptor);
  }

  private KeyedStateStore keyed() {
    if (keyedState == null) {
      throw new UnsupportedOperationException(
          "Keyed state is only available on a keyed stream (after keyBy); operator '"
              + getTaskNameWithSubtask()
              + "' does not read a keyed stream");
    }
    return keyedState;
  }
}
