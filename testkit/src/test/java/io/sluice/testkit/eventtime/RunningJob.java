package io.sluice.testkit.eventtime;

import static org.assertj.core.api.Assertions.fail;

import io.sluice.api.JobResult;
import io.sluice.api.StreamEnvironment;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** A job executing on its own thread while the test watches its output and opens gates. */
final class RunningJob {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final CompletableFuture<JobResult> result;

  private RunningJob(CompletableFuture<JobResult> result) {
    this.result = result;
  }

  static RunningJob start(StreamEnvironment env, String name) {
    CompletableFuture<JobResult> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(env.execute(name));
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            "job " + name);
    thread.setDaemon(true);
    thread.start();
    return new RunningJob(result);
  }

  /** Waits until {@code condition} holds; fails if the job ends first or the time runs out. */
  void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (result.isDone()) {
        if (condition.getAsBoolean()) {
          return;
        }
        fail("the job ended before " + what + ": " + describe());
      }
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** Waits for the job to end and returns its result; fails if it failed. */
  JobResult join() throws Exception {
    try {
      return result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("the job failed", e.getCause());
    }
  }

  private String describe() {
    try {
      return String.valueOf(result.join().status());
    } catch (CompletionException e) {
      return "failed with " + e.getCause();
    }
  }
}
