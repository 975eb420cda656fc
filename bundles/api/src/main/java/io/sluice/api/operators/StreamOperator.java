package io.sluice.api.operators;

/**
 * Runs inside a task, on the task thread only, so it needs no synchronization. The runtime calls
 * {@link #setup}, {@link #open}, then elements and watermarks, {@link #finish} at the end of input,
 * and {@link #close} always (also after a failure or cancellation).
 *
 * <p>Before a watermark reaches {@link #processWatermark}, the runtime has fired this operator's
 * event-time timers up to it.
 */
public interface StreamOperator<OUT> {
  void setup(OperatorContext context, Output<OUT> output);

  default void open() throws Exception {}

  /** No more input will come: emit whatever is buffered. */
  default void finish() throws Exception {}

  /** Releases resources; runs after {@link #finish} or after a failure. */
  default void close() throws Exception {}

  void processWatermark(long watermark) throws Exception;
}
