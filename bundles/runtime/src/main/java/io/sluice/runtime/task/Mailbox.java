package io.sluice.runtime.task;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The task thread's inbox. Other threads never touch operators or state: they post a mail (a
 * Runnable) or just wake the task because input became available. Only the owning thread runs mails
 * and parks.
 *
 * <p>Wake-ups are a flag plus {@link LockSupport#unpark}: a notification that arrives between
 * "found nothing" and "park" leaves the flag set (and the permit), so it is never lost.
 */
public final class Mailbox {
  private final ConcurrentLinkedQueue<Runnable> mails = new ConcurrentLinkedQueue<>();
  private volatile boolean notified;
  private volatile Thread owner;

  /** Binds the mailbox to the calling (task) thread. */
  void bindToCurrentThread() {
    owner = Thread.currentThread();
  }

  /** Posts a mail to run on the task thread; any thread. */
  public void post(Runnable mail) {
    mails.add(mail);
    wakeUp();
  }

  /** Tells the task thread there may be input; any thread, cheap. */
  public void wakeUp() {
    notified = true;
    Thread t = owner;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** True if mails are waiting; a volatile read, cheap enough to ask between records. */
  boolean hasMail() {
    return !mails.isEmpty();
  }

  /** Runs every queued mail; task thread only. */
  void runMails() {
    Runnable mail;
    while ((mail = mails.poll()) != null) {
      mail.run();
    }
  }

  /** Clears the notification flag before the task looks for work; task thread only. */
  void clearNotification() {
    notified = false;
  }

  /** Parks until notified or a mail arrives (or interrupted); task thread only. */
  void awaitNotification() {
    while (!notified && mails.isEmpty() && !Thread.currentThread().isInterrupted()) {
      LockSupport.park(this);
    }
  }

  /**
   * Runs mails one at a time, parking while there are none, until {@code condition} holds: how an
   * operator waits for results that other threads deliver as mails (a full async I/O queue) without
   * taking more input. Input notifications are left for the main loop. Task thread only; mails run
   * here may re-enter operators, as they would between elements.
   *
   * @throws Outputs.TaskCanceledException if the task thread is interrupted (the task was canceled)
   */
  void yieldUntil(BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      Runnable mail = mails.poll();
      if (mail != null) {
        mail.run();
      } else if (Thread.currentThread().isInterrupted()) {
        throw new Outputs.TaskCanceledException();
      } else {
        LockSupport.park(this); // post() adds the mail before unparking, so none is missed
      }
    }
  }
}
