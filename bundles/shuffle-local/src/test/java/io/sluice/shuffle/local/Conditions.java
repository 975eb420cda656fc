package io.sluice.shuffle.local;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waits on conditions, so tests never sleep for a guessed time. */
final class Conditions {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Conditions() {}

  /** Polls {@code condition} until it holds, failing with {@code description} after a timeout. */
  static void awaitCondition(String description, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Timed out after " + TIMEOUT + " waiting until " + description);
      }
      LockSupport.parkNanos(100_000);
    }
  }

  /** Waits until {@code thread} is parked (WAITING or TIMED_WAITING). */
  static void awaitBlocked(Thread thread) {
    awaitCondition(
        thread.getName() + " blocks",
        () ->
            thread.getState() == Thread.State.WAITING
                || thread.getState() == Thread.State.TIMED_WAITING);
  }
}
