package io.sluice.api.checkpoint;

/**
 * Implemented by functions (and operators) that act once a checkpoint is complete, such as a sink
 * that makes output visible. Called on the task thread, between records.
 */
public interface CheckpointListener {

  /**
   * Checkpoint {@code checkpointId} is complete: every task has stored its state. Later
   * notifications subsume earlier ones; a notification may be skipped (a failure in between), so
   * act on everything up to this id.
   */
  void notifyCheckpointComplete(long checkpointId) throws Exception;

  /** Checkpoint {@code checkpointId} was aborted; what it prepared will not be committed. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
