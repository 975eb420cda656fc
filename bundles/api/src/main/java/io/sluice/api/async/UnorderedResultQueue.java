package io.sluice.api.async;

import io.sluice.api.operators.Output;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Emits results as they complete, but never across a watermark: requests are grouped into segments
 * separated by the watermarks that arrived between them, and only the oldest segment may emit. When
 * it is drained its watermark goes out and the next segment's completed results follow. Task thread
 * only.
 */
final class UnorderedResultQueue<OUT> implements ResultQueue<OUT> {
  /** Requests between two watermarks; {@code watermark} closes it, or is null while open. */
  private static final class Segment<OUT> {
    final Set<RequestEntry<OUT>> pending = new LinkedHashSet<>();
    final Deque<RequestEntry<OUT>> completed = new ArrayDeque<>();
    Long watermark;
  }

  private final Deque<Segment<OUT>> segments = new ArrayDeque<>();
  private int pendingRequests;

  @Override
  public void addRequest(RequestEntry<OUT> entry) {
    Segment<OUT> last = segments.peekLast();
    if (last == null || last.watermark != null) {
      last = new Segment<>();
      segments.addLast(last);
    }
    last.pending.add(entry);
    pendingRequests++;
  }

  @Override
  public void addWatermark(long watermark) {
    Segment<OUT> last = segments.peekLast();
    if (last == null) {
      throw new IllegalStateException("an empty queue emits watermarks at once");
    }
    last.watermark = watermark; // a later watermark supersedes one with nothing after it
  }

  @Override
  public void onCompleted(RequestEntry<OUT> entry, Output<OUT> output) {
    for (Segment<OUT> segment : segments) {
      if (segment.pending.remove(entry)) {
        segment.completed.addLast(entry);
        break;
      }
    }
    while (!segments.isEmpty()) {
      Segment<OUT> oldest = segments.peekFirst();
      RequestEntry<OUT> ready;
      while ((ready = oldest.completed.pollFirst()) != null) {
        pendingRequests--;
        ResultQueue.emit(ready, output);
      }
      if (!oldest.pending.isEmpty()) {
        return;
      }
      segments.pollFirst();
      if (oldest.watermark != null) {
        output.emitWatermark(oldest.watermark);
      }
    }
  }

  @Override
  public int pendingRequests() {
    return pendingRequests;
  }

  @Override
  public boolean isEmpty() {
    return segments.isEmpty();
  }
}
