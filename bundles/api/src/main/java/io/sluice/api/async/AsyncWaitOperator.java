package io.sluice.api.async;

import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.api.operators.UdfOperator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Runs an {@link AsyncFunction}: starts a request per element, keeps at most {@code capacity}
 * pending (waiting on the task's mailbox while full, so the task takes no more input), and emits
 * results in the {@link AsyncDataStream.OutputMode} asked for. Completions arrive from any thread
 * as mails, so the queue and the output are touched only by the task thread.
 *
 * <p>A request failing (or timing out with the default {@link AsyncFunction#timeout}) fails the job
 * with an error naming this operator. {@link #finish} waits for every pending request.
 */
public final class AsyncWaitOperator<IN, OUT> extends UdfOperator<AsyncFunction<IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT>, RequestEntry.CompletionHandler<OUT> {
  private final long timeoutMillis;
  private final int capacity;
  private final AsyncDataStream.OutputMode mode;
  private ResultQueue<OUT> queue;

  /** Requests not completed yet, so their timeout timers can be canceled on close. */
  private final Set<RequestEntry<OUT>> uncompleted =
      Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * @param timeoutMillis per request; 0 = no timeout
   * @param capacity maximum pending requests
   */
  public AsyncWaitOperator(
      AsyncFunction<IN, OUT> function,
      long timeoutMillis,
      int capacity,
      AsyncDataStream.OutputMode mode) {
    super(function);
    if (capacity < 1) {
      throw new IllegalArgumentException("async capacity must be at least 1: " + capacity);
    }
    this.timeoutMillis = timeoutMillis;
    this.capacity = capacity;
    this.mode = mode;
  }

  @Override
  public void open() throws Exception {
    queue =
        mode == AsyncDataStream.OutputMode.ORDERED
            ? new OrderedResultQueue<>()
            : new UnorderedResultQueue<>();
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    context.yieldUntil(() -> queue.pendingRequests() < capacity);
    RequestEntry<OUT> entry = new RequestEntry<>(timestamp, context.getMailboxExecutor(), this);
    queue.addRequest(entry);
    uncompleted.add(entry);
    if (timeoutMillis > 0) {
      entry.timeoutTimer =
          context.scheduleAt(
              context.currentProcessingTime() + timeoutMillis, () -> onTimeout(entry, value));
    }
    function.asyncInvoke(value, entry);
  }

  @Override
  public void processWatermark(long watermark) {
    if (queue.isEmpty()) {
      output.emitWatermark(watermark);
    } else {
      queue.addWatermark(watermark);
    }
  }

  @Override
  public void onCompleted(RequestEntry<OUT> entry) {
    uncompleted.remove(entry);
    if (entry.error != null) {
      throw failure(entry);
    }
    queue.onCompleted(entry, output);
  }

  /** Waits until every pending request has completed and its results are emitted. */
  @Override
  public void finish() throws Exception {
    context.yieldUntil(queue::isEmpty);
  }

  @Override
  public void close() throws Exception {
    for (RequestEntry<OUT> entry : uncompleted) {
      if (entry.timeoutTimer != null) {
        entry.timeoutTimer.cancel(false);
      }
    }
    uncompleted.clear();
    super.close();
  }

  private void onTimeout(RequestEntry<OUT> entry, IN value) {
    if (entry.isCompleted()) {
      return;
    }
    entry.timedOut = true;
    try {
      function.timeout(value, entry);
    } catch (Exception e) {
      throw new CompletionException(
          "AsyncFunction.timeout failed in " + context.getOperatorDescription() + ": " + e, e);
    }
  }

  private CompletionException failure(RequestEntry<OUT> entry) {
    Throwable error = entry.error;
    String operator = context.getOperatorDescription();
    if (entry.timedOut && error instanceof TimeoutException) {
      TimeoutException named =
          new TimeoutException(
              "An async request of operator '"
                  + operator
                  + "' timed out after "
                  + timeoutMillis
                  + " ms ("
                  + error.getMessage()
                  + "); raise the timeout, or override AsyncFunction.timeout to emit a fallback");
      named.initCause(error);
      return new CompletionException(named.getMessage(), named);
    }
    return new CompletionException(
        "An async request of operator '" + operator + "' failed: " + error, error);
  }
}
