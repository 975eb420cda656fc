package io.sluice.api.async;

import io.sluice.api.operators.Output;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Emits results strictly in input order: a completed request waits behind every earlier one, and a
 * watermark leaves as soon as everything before it did. Task thread only.
 */
final class OrderedResultQueue<OUT> implements ResultQueue<OUT> {
  /** A request or a watermark, in input order. */
  private final Deque<Object> queue = new ArrayDeque<>();

  private int pendingRequests;

  @Override
  public void addRequest(RequestEntry<OUT> entry) {
    queue.addLast(entry);
    pendingRequests++;
  }

  @Override
  public void addWatermark(long watermark) {
    if (queue.peekLast() instanceof Long) {
      queue.pollLast(); // watermarks only grow: the newer one supersedes it
    }
    queue.addLast(watermark);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onCompleted(RequestEntry<OUT> entry, Output<OUT> output) {
    while (!queue.isEmpty()) {
      Object head = queue.peekFirst();
      if (head instanceof Long watermark) {
        queue.pollFirst();
        output.emitWatermark(watermark);
      } else if (((RequestEntry<OUT>) head).done) {
        queue.pollFirst();
        pendingRequests--;
        ResultQueue.emit((RequestEntry<OUT>) head, output);
      } else {
        return;
      }
    }
  }

  @Override
  public int pendingRequests() {
    return pendingRequests;
  }

  @Override
  public boolean isEmpty() {
    return queue.isEmpty();
  }
}
