package io.sluice.testkit.harness;

import io.sluice.runtime.time.ProcessingTimeService;
import java.util.PriorityQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A processing-time clock that moves only when a test moves it, so timer tests need neither sleeps
 * nor a wall clock.
 *
 * <pre>{@code
 * ManualProcessingTimeService clock = new ManualProcessingTimeService(0);
 * clock.scheduleAt(100, () -> fired.add(100L), Runnable::run);
 * clock.advanceTo(150); // delivers the action, then the clock reads 150
 * }</pre>
 *
 * <p>{@link #advanceTo} delivers due actions one at a time in time order (equal times in the order
 * they were scheduled), setting the clock to each action's time before delivering it; an action
 * scheduled for a time already reached is delivered by the next {@code advanceTo}, never from
 * inside {@code scheduleAt}. Not thread-safe: use it from the test's thread.
 */
public final class ManualProcessingTimeService implements ProcessingTimeService {
  private final PriorityQueue<ManualTimer> timers =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private long now;
  private long nextSeq;
  private boolean closed;

  public ManualProcessingTimeService(long initialTime) {
    this.now = initialTime;
  }

  @Override
  public long currentTimeMillis() {
    return now;
  }

  @Override
  public ScheduledFuture<?> scheduleAt(long time, Runnable action, Consumer<Runnable> deliver) {
    return add(time, 0, action, deliver);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      long periodMillis, Runnable action, Consumer<Runnable> deliver) {
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("period must be positive: " + periodMillis);
    }
    return add(now + periodMillis, periodMillis, action, deliver);
  }

  private ManualTimer add(long time, long period, Runnable action, Consumer<Runnable> deliver) {
    if (closed) {
      throw new IllegalStateException("the manual processing time service is closed");
    }
    ManualTimer timer = new ManualTimer(time, nextSeq++, period, action, deliver);
    timers.add(timer);
    return timer;
  }

  /** Moves the clock to {@code time}, delivering every action due on the way, in time order. */
  public void advanceTo(long time) {
    advanceTo(time, () -> {});
  }

  /**
   * Moves the clock to {@code time}, delivering due actions in time order and running {@code
   * afterEachDelivery} after each one (a harness runs its mailbox there, so an action that
   * schedules another one due earlier than the rest still fires first).
   *
   * @throws IllegalArgumentException if {@code time} lies before the current time
   */
  public void advanceTo(long time, Runnable afterEachDelivery) {
    if (time < now) {
      throw new IllegalArgumentException(
          "processing time cannot go back: it is " + now + ", asked for " + time);
    }
    ManualTimer next;
    while ((next = timers.peek()) != null && next.time <= time) {
      timers.poll();
      if (next.isCancelled()) {
        continue;
      }
      now = Math.max(now, next.time);
      if (next.period > 0) {
        timers.add(new ManualTimer(next.time + next.period, nextSeq++, next, next.period));
      } else {
        next.done = true;
      }
      next.deliver.accept(next.action);
      afterEachDelivery.run();
    }
    now = time;
  }

  /** The number of scheduled, not cancelled, deliveries (a periodic action counts once). */
  public int numberOfScheduledActions() {
    return (int) timers.stream().filter(t -> !t.isCancelled()).count();
  }

  /** Cancels everything scheduled; scheduling afterwards fails. */
  @Override
  public void close() {
    closed = true;
    for (ManualTimer timer : timers) {
      timer.cancel(false);
    }
    timers.clear();
  }

  /**
   * One scheduled delivery. A periodic action is re-added as a new entry after each delivery that
   * shares its {@code origin}, so cancelling the future the caller holds stops every later one.
   */
  private final class ManualTimer implements ScheduledFuture<Object> {
    final long time;
    final long seq;
    final long period;
    final Runnable action;
    final Consumer<Runnable> deliver;
    private final ManualTimer origin;
    private boolean cancelled;
    boolean done;

    ManualTimer(long time, long seq, long period, Runnable action, Consumer<Runnable> deliver) {
      this.time = time;
      this.seq = seq;
      this.period = period;
      this.action = action;
      this.deliver = deliver;
      this.origin = this;
    }

    ManualTimer(long time, long seq, ManualTimer previous, long period) {
      this.time = time;
      this.seq = seq;
      this.period = period;
      this.action = previous.action;
      this.deliver = previous.deliver;
      this.origin = previous.origin;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(time - now, TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (origin.done || origin.cancelled) {
        return false;
      }
      origin.cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return origin.cancelled;
    }

    @Override
    public boolean isDone() {
      return origin.done || origin.cancelled;
    }

    /**
     * Returns at once: the harness is single-threaded, so waiting could never end.
     *
     * @throws IllegalStateException if the action has not been delivered yet
     */
    @Override
    public Object get() {
      if (!isDone()) {
        throw new IllegalStateException(
            "the action due at "
                + time
                + " has not been delivered; advance processing time past it first");
      }
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return get();
    }
  }
}
