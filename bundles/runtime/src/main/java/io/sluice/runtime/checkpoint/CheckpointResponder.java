package io.sluice.runtime.checkpoint;

import java.util.Map;

/** How a subtask reports the outcome of its part of a checkpoint; any thread. */
public interface CheckpointResponder {

  /** The subtask stored its state: operator id to what it wrote. */
  void acknowledge(TaskKey task, long checkpointId, Map<String, OperatorSubtaskState> states);

  /** The subtask could not take its part; the checkpoint is aborted. */
  void decline(TaskKey task, long checkpointId, Throwable reason);
}
