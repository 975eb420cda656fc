package io.sluice.runtime.time;

import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * The processing-time clock of a job and its timer scheduling. Callbacks never run on a timer
 * thread: they are handed to {@code deliver} (a task's mailbox), so timers run on the task thread
 * like everything else. Tests substitute a manual clock.
 */
public interface ProcessingTimeService extends AutoCloseable {
  long currentTimeMillis();

  /** Delivers {@code action} to {@code deliver} once the clock reaches {@code time}. */
  ScheduledFuture<?> scheduleAt(long time, Runnable action, Consumer<Runnable> deliver);

  /** Delivers {@code action} every {@code periodMillis}. */
  ScheduledFuture<?> scheduleAtFixedRate(
      long periodMillis, Runnable action, Consumer<Runnable> deliver);

  @Override
  void close();
}
