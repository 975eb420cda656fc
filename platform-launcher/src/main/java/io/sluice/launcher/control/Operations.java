package io.sluice.launcher.control;

import io.sluice.launcher.platform.PlatformException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the runtime's long operations (savepoints, backend switches) on a control request and
 * turns their failures into one paragraph that carries the runtime's reason.
 */
final class Operations {

  private Operations() {}

  /**
   * @param what names the operation for messages, e.g. "the savepoint of job job-0001"
   * @throws PlatformException if it failed (with the runtime's reason) or is still going on
   */
  static <T> T await(CompletableFuture<T> operation, String what, Duration timeout) {
    try {
      return operation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new PlatformException(what + " failed: " + describe(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      throw new PlatformException(
          what
              + " is still going on after "
              + timeout.toSeconds()
              + " s; see sluice list and the log",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while waiting for " + what, e);
    }
  }

  /** "message; caused by Type: message" without repeating what an outer message already says. */
  static String describe(Throwable failure) {
    while (failure instanceof CompletionException && failure.getCause() != null) {
      failure = failure.getCause();
    }
    String message = failure.getMessage();
    StringBuilder text =
        new StringBuilder(message == null ? failure.getClass().getName() : message);
    Set<Throwable> seen = new HashSet<>();
    seen.add(failure);
    for (Throwable cause = failure.getCause();
        cause != null && seen.add(cause);
        cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append("; caused by ")
            .append(cause.getClass().getName())
            .append(": ")
            .append(cause.getMessage());
      }
    }
    return text.toString().replace('\n', ' ');
  }
}
