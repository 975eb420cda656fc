package io.sluice.api.checkpoint;

/**
 * Implemented by functions (and operators) that act once a checkpoint is complete, such as a sink
 * that makes output visible. Called on the task thread, between records.
 */
public interface CheckpointListener {

  /**
   * The id of the notification that ends a bounded job with checkpointing: every subtask of the job
   * has reached the end of its input, so everything prepared since the last checkpoint is final.
   * (Committing at each subtask's own end instead would duplicate output if another subtask failed
   * afterwards and the job were restored from an earlier checkpoint.)
   */
  long END_OF_INPUT_CHECKPOINT_ID = Long.MAX_VALUE;

  /**
   * Checkpoint {@code checkpointId} is complete: every task has stored its state. Later
   * notifications subsume earlier ones; a notification may be skipped (a failure in between), so
   * act on everything up to this id.
   */
  void notifyCheckpointComplete(long checkpointId) throws Exception;

  /** Checkpoint {@code checkpointId} was aborted; what it prepared will not be committed. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
