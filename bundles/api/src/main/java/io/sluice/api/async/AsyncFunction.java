package io.sluice.api.async;

import io.sluice.api.functions.Function;
import java.util.concurrent.TimeoutException;

/**
 * Starts a request for one element and completes its {@link ResultFuture} later, from any thread:
 *
 * <pre>{@code
 * class Lookup implements AsyncFunction<String, Profile>, RichFunction {
 *   private transient Client client;
 *   public void open(RuntimeContext ctx) { client = Client.connect(); }
 *   public void asyncInvoke(String user, ResultFuture<Profile> result) {
 *     client.get(user).whenComplete((p, e) -> {
 *       if (e != null) result.completeExceptionally(e); else result.complete(List.of(p));
 *     });
 *   }
 * }
 * }</pre>
 *
 * {@link #asyncInvoke} and {@link #timeout} run on the task thread and must not block.
 */
public interface AsyncFunction<IN, OUT> extends Function {

  void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

  /**
   * Called on the task thread when a request has not completed within the timeout. The default
   * fails the request with a {@link TimeoutException} (and so the job, with a message naming the
   * operator and the timeout); override it to emit a fallback with {@code resultFuture.complete}.
   */
  default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
    resultFuture.completeExceptionally(
        new TimeoutException("the async request did not complete in time"));
  }
}
