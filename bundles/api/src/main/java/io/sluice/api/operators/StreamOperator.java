package io.sluice.api.operators;

/**
 * Runs inside a task, on the task thread only, so it needs no synchronization. The runtime calls
 * {@link #setup}, {@link #initializeState}, {@link #open}, then elements and watermarks, {@link
 * #finish} at the end of input, and {@link #close} always (also after a failure or cancellation).
 *
 * <p>Before a watermark reaches {@link #processWatermark}, the runtime has fired this operator's
 * event-time timers up to it.
 */
public interface StreamOperator<OUT> {
  void setup(OperatorContext context, Output<OUT> output);

  /**
   * Registers operator state and reads restored values, before {@link #open}; {@link
   * OperatorContext#isRestored()} tells whether the subtask starts from a checkpoint or savepoint.
   */
  default void initializeState() throws Exception {}

  default void open() throws Exception {}

  /**
   * A checkpoint barrier passed: copy non-keyed values into operator state (keyed state and timers
   * are snapshotted by the runtime). Runs on the task thread before the barrier goes downstream, so
   * it must be quick; the state is written out asynchronously afterwards.
   */
  default void snapshotState(long checkpointId) throws Exception {}

  /** Checkpoint {@code checkpointId} completed on every task (see CheckpointListener). */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** Checkpoint {@code checkpointId} was aborted. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}

  /** No more input will come: emit whatever is buffered. */
  default void finish() throws Exception {}

  /** Releases resources; runs after {@link #finish} or after a failure. */
  default void close() throws Exception {}

  void processWatermark(long watermark) throws Exception;
}
