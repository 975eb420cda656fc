package io.sluice.api.async;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pending request: the {@link ResultFuture} handed to the user function. Completion may come
 * from any thread; it is claimed once (atomically) and handed to the task thread as a mail, where
 * {@link #results}, {@link #error} and {@link #done} are set. Every other field is task-thread
 * only.
 */
final class RequestEntry<OUT> implements ResultFuture<OUT> {
  /** Called on the task thread with an entry whose outcome has just been set. */
  interface CompletionHandler<OUT> {
    void onCompleted(RequestEntry<OUT> entry);
  }

  final long timestamp;
  private final Executor mailbox;
  private final CompletionHandler<OUT> handler;
  private final AtomicBoolean claimed = new AtomicBoolean();
  List<OUT> results;
  Throwable error;
  boolean done;
  boolean timedOut;
  ScheduledFuture<?> timeoutTimer;

  RequestEntry(long timestamp, Executor mailbox, CompletionHandler<OUT> handler) {
    this.timestamp = timestamp;
    this.mailbox = mailbox;
    this.handler = handler;
  }

  /** Whether a completion was already claimed (from any thread). */
  boolean isCompleted() {
    return claimed.get();
  }

  @Override
  public void complete(Collection<OUT> result) {
    Objects.requireNonNull(result, "result (use an empty collection for no results)");
    if (claimed.compareAndSet(false, true)) {
      List<OUT> copy = new ArrayList<>(result); // the caller may reuse its collection
      mailbox.execute(() -> finish(copy, null));
    }
  }

  @Override
  public void completeExceptionally(Throwable failure) {
    Objects.requireNonNull(failure, "error");
    if (claimed.compareAndSet(false, true)) {
      mailbox.execute(() -> finish(List.of(), failure));
    }
  }

  private void finish(List<OUT> values, Throwable failure) {
    results = values;
    error = failure;
    done = true;
    if (timeoutTimer != null) {
      timeoutTimer.cancel(false);
    }
    handler.onCompleted(this);
  }
}
