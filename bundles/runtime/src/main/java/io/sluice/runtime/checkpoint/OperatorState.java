package io.sluice.runtime.checkpoint;

import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one operator in one checkpoint, over all its subtasks.
 *
 * @param operatorId the uid, or the generated id
 * @param parallelism how many subtasks it ran with
 * @param subtasks the state of each subtask, by index
 */
public record OperatorState(
    String operatorId, int parallelism, Map<Integer, OperatorSubtaskState> subtasks) {
  public OperatorState {
    subtasks = java.util.Collections.unmodifiableMap(new TreeMap<>(subtasks));
  }
}
