package io.sluice.runtime.time;

import io.sluice.api.operators.InternalTimerService;
import io.sluice.api.operators.Triggerable;
import io.sluice.spi.state.KeyedStateBackend;
import java.util.function.Consumer;

/**
 * Per-key timers of one operator: a {@link TimerQueue} per time domain, which keeps each (key,
 * time) pair once and fires timers of equal time in the order they were registered. Event-time
 * timers fire when {@link #advanceWatermark} passes them; processing-time timers when the clock
 * does, through a mail. Confined to the task thread.
 */
public final class KeyedTimerService<K> implements InternalTimerService<K> {
  private final KeyedStateBackend<K> backend;
  private final Triggerable<K> target;
  private final ProcessingTimeService clock;
  private final Consumer<Runnable> mailbox;
  private final TimerQueue<K> eventTimers = new TimerQueue<>();
  private final TimerQueue<K> processingTimers = new TimerQueue<>();
  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledWakeUp = Long.MAX_VALUE;

  public KeyedTimerService(
      KeyedStateBackend<K> backend,
      Triggerable<K> target,
      ProcessingTimeService clock,
      Consumer<Runnable> mailbox) {
    this.backend = backend;
    this.target = target;
    this.clock = clock;
    this.mailbox = mailbox;
  }

  @Override
  public void registerEventTimeTimer(long time) {
    eventTimers.add(time, backend.getCurrentKey());
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    eventTimers.remove(time, backend.getCurrentKey());
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    if (processingTimers.add(time, backend.getCurrentKey())) {
      if (time < scheduledWakeUp) {
        scheduledWakeUp = time;
        clock.scheduleAt(time, this::onProcessingTime, mailbox);
      }
    }
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    processingTimers.remove(time, backend.getCurrentKey());
  }

  @Override
  public long currentProcessingTime() {
    return clock.currentTimeMillis();
  }

  @Override
  public long currentWatermark() {
    return currentWatermark;
  }

  /** Fires every event-time timer at or before {@code watermark}, in time order. */
  public void advanceWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    TimerQueue.Timer<K> timer;
    while ((timer = eventTimers.peek()) != null && timer.time <= watermark) {
      eventTimers.poll();
      backend.setCurrentKey(timer.key);
      target.onEventTime(timer.key, timer.time);
    }
  }

  /** Runs as a mail: fires due processing-time timers and schedules the next wake-up. */
  private void onProcessingTime() {
    long now = clock.currentTimeMillis();
    scheduledWakeUp = Long.MAX_VALUE;
    try {
      TimerQueue.Timer<K> timer;
      while ((timer = processingTimers.peek()) != null && timer.time <= now) {
        processingTimers.poll();
        backend.setCurrentKey(timer.key);
        target.onProcessingTime(timer.key, timer.time);
      }
    } catch (Exception e) {
      throw new TimerException("a processing-time timer failed", e);
    }
    TimerQueue.Timer<K> next = processingTimers.peek();
    if (next != null) {
      scheduledWakeUp = next.time;
      clock.scheduleAt(next.time, this::onProcessingTime, mailbox);
    }
  }

  /** Every pending timer, for a checkpoint: event-time ones, then processing-time ones. */
  public void forEachTimer(TimerVisitor<K> visitor) throws java.io.IOException {
    for (TimerQueue.Timer<K> timer : eventTimers.inFiringOrder()) {
      visitor.visit(true, timer.time, timer.key);
    }
    for (TimerQueue.Timer<K> timer : processingTimers.inFiringOrder()) {
      visitor.visit(false, timer.time, timer.key);
    }
  }

  /** Registers a restored timer for {@code key} (scheduling processing time as needed). */
  public void restoreTimer(boolean eventTime, long time, K key) {
    if (eventTime) {
      eventTimers.add(time, key);
    } else if (processingTimers.add(time, key) && time < scheduledWakeUp) {
      scheduledWakeUp = time;
      clock.scheduleAt(time, this::onProcessingTime, mailbox);
    }
  }

  /** Receives timers from {@link #forEachTimer}. */
  @FunctionalInterface
  public interface TimerVisitor<K> {
    void visit(boolean eventTime, long time, K key) throws java.io.IOException;
  }

  public int numberOfEventTimers() {
    return eventTimers.size();
  }

  public int numberOfProcessingTimers() {
    return processingTimers.size();
  }

  /** Wraps a timer callback's checked exception so the task fails with it. */
  public static final class TimerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimerException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
