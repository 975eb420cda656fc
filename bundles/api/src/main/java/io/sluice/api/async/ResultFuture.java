package io.sluice.api.async;

import java.util.Collection;

/**
 * Where an {@link AsyncFunction} delivers the result of one request. Callable from any thread (the
 * client library's callback thread, typically); the first completion wins and later ones are
 * ignored. The results are handed back to the task thread before they are emitted.
 */
public interface ResultFuture<OUT> {
  /** Completes the request with zero or more results, emitted with the input's timestamp. */
  void complete(Collection<OUT> result);

  /** Fails the request; the job fails with {@code error} as the cause. */
  void completeExceptionally(Throwable error);
}
