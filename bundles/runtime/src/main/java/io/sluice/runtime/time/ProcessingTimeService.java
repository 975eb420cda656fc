package io.sluice.runtime.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The wall clock of one job and a single timer thread for it. Callbacks do not run on the timer
 * thread: they are handed to the task's mailbox (the {@code deliver} consumer), so timers run on
 * the task thread like everything else.
 */
public final class ProcessingTimeService implements AutoCloseable {
  private final ScheduledThreadPoolExecutor timer;

  public ProcessingTimeService(String jobId) {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "sluice-timer-" + jobId);
              t.setDaemon(true);
              t.setContextClassLoader(ProcessingTimeService.class.getClassLoader());
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  /** Delivers {@code action} to {@code deliver} (a mailbox) once the clock reaches {@code time}. */
  public ScheduledFuture<?> scheduleAt(long time, Runnable action, Consumer<Runnable> deliver) {
    long delay = Math.max(0, time - currentTimeMillis());
    return timer.schedule(() -> deliver.accept(action), delay, TimeUnit.MILLISECONDS);
  }

  /** Delivers {@code action} every {@code periodMillis}. */
  public ScheduledFuture<?> scheduleAtFixedRate(
      long periodMillis, Runnable action, Consumer<Runnable> deliver) {
    return timer.scheduleAtFixedRate(
        () -> deliver.accept(action), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  public ScheduledExecutorService executor() {
    return timer;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
