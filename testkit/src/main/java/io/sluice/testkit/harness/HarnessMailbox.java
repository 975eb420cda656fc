package io.sluice.testkit.harness;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The mailbox of a harness: any thread may post (async callbacks do), only the harness thread runs
 * the mails, as on a task thread.
 */
final class HarnessMailbox {
  private final LinkedBlockingQueue<Runnable> mails = new LinkedBlockingQueue<>();

  /** Queues {@code mail}; thread-safe. */
  void post(Runnable mail) {
    mails.add(mail);
  }

  int size() {
    return mails.size();
  }

  /** Runs mails until none is left, including those posted by the mails themselves. */
  void runAll() {
    Runnable mail;
    while ((mail = mails.poll()) != null) {
      mail.run();
    }
  }

  /**
   * Runs mails, waiting for more to arrive from other threads, until {@code condition} holds.
   *
   * @throws TimeoutException if it does not hold within {@code timeout}
   */
  void runUntil(BooleanSupplier condition, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    runAll();
    while (!condition.getAsBoolean()) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new TimeoutException(
            "condition not reached within " + timeout + "; " + mails.size() + " mails queued");
      }
      Runnable mail = mails.poll(remaining, TimeUnit.NANOSECONDS);
      if (mail != null) {
        mail.run();
        runAll();
      }
    }
  }
}
