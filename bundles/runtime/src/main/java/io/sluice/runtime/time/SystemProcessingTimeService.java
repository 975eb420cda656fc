package io.sluice.runtime.time;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The wall clock of one job and a single daemon timer thread for it. */
public final class SystemProcessingTimeService implements ProcessingTimeService {
  private final ScheduledThreadPoolExecutor timer;

  public SystemProcessingTimeService(String jobId) {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "sluice-timer-" + jobId);
              t.setDaemon(true);
              t.setContextClassLoader(SystemProcessingTimeService.class.getClassLoader());
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public ScheduledFuture<?> scheduleAt(long time, Runnable action, Consumer<Runnable> deliver) {
    long delay = Math.max(0, time - currentTimeMillis());
    return timer.schedule(() -> deliver.accept(action), delay, TimeUnit.MILLISECONDS);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      long periodMillis, Runnable action, Consumer<Runnable> deliver) {
    return timer.scheduleAtFixedRate(
        () -> deliver.accept(action), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
