package io.sluice.api.async;

import io.sluice.api.operators.Output;

/**
 * The requests of an async operator, with the watermarks that arrived between them, in input order;
 * decides what may be emitted once a request completes. Task thread only.
 */
interface ResultQueue<OUT> {
  void addRequest(RequestEntry<OUT> entry);

  /** Queues a watermark behind the requests before it; the queue must not be empty. */
  void addWatermark(long watermark);

  /** {@code entry} completed: emits everything that may leave the queue now. */
  void onCompleted(RequestEntry<OUT> entry, Output<OUT> output);

  /** Requests whose results have not been emitted yet: what the capacity limits. */
  int pendingRequests();

  boolean isEmpty();

  /** Emits the results of a completed entry with the input's timestamp. */
  static <OUT> void emit(RequestEntry<OUT> entry, Output<OUT> output) {
    for (OUT value : entry.results) {
      output.collect(value, entry.timestamp);
    }
  }
}
