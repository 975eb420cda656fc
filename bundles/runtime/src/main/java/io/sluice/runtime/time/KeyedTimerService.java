package io.sluice.runtime.time;

import io.sluice.api.operators.InternalTimerService;
import io.sluice.api.operators.Triggerable;
import io.sluice.spi.state.KeyedStateBackend;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Per-key timers of one operator: a priority queue per time domain plus a set that keeps each (key,
 * time) pair once. Event-time timers fire when {@link #advanceWatermark} passes them;
 * processing-time timers when the clock does, through a mail. Confined to the task thread.
 */
public final class KeyedTimerService<K> implements InternalTimerService<K> {
  /** A timer; ordered by time (timers of equal time fire in no guaranteed order, as in Flink). */
  private record Timer<K>(long time, K key) {}

  private final KeyedStateBackend<K> backend;
  private final Triggerable<K> target;
  private final ProcessingTimeService clock;
  private final Consumer<Runnable> mailbox;
  private final PriorityQueue<Timer<K>> eventTimers =
      new PriorityQueue<>((a, b) -> Long.compare(a.time(), b.time()));
  private final Set<Timer<K>> eventTimerSet = new HashSet<>();
  private final PriorityQueue<Timer<K>> processingTimers =
      new PriorityQueue<>((a, b) -> Long.compare(a.time(), b.time()));
  private final Set<Timer<K>> processingTimerSet = new HashSet<>();
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
    Timer<K> timer = new Timer<>(time, backend.getCurrentKey());
    if (eventTimerSet.add(timer)) {
      eventTimers.add(timer);
    }
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    Timer<K> timer = new Timer<>(time, backend.getCurrentKey());
    if (eventTimerSet.remove(timer)) {
      eventTimers.remove(timer);
    }
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    Timer<K> timer = new Timer<>(time, backend.getCurrentKey());
    if (processingTimerSet.add(timer)) {
      processingTimers.add(timer);
      if (time < scheduledWakeUp) {
        scheduledWakeUp = time;
        clock.scheduleAt(time, this::onProcessingTime, mailbox);
      }
    }
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    Timer<K> timer = new Timer<>(time, backend.getCurrentKey());
    if (processingTimerSet.remove(timer)) {
      processingTimers.remove(timer);
    }
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
    Timer<K> timer;
    while ((timer = eventTimers.peek()) != null && timer.time() <= watermark) {
      eventTimers.poll();
      eventTimerSet.remove(timer);
      backend.setCurrentKey(timer.key());
      target.onEventTime(timer.key(), timer.time());
    }
  }

  /** Runs as a mail: fires due processing-time timers and schedules the next wake-up. */
  private void onProcessingTime() {
    long now = clock.currentTimeMillis();
    scheduledWakeUp = Long.MAX_VALUE;
    try {
      Timer<K> timer;
      while ((timer = processingTimers.peek()) != null && timer.time() <= now) {
        processingTimers.poll();
        processingTimerSet.remove(timer);
        backend.setCurrentKey(timer.key());
        target.onProcessingTime(timer.key(), timer.time());
      }
    } catch (Exception e) {
      throw new TimerException("a processing-time timer failed", e);
    }
    Timer<K> next = processingTimers.peek();
    if (next != null) {
      scheduledWakeUp = next.time();
      clock.scheduleAt(next.time(), this::onProcessingTime, mailbox);
    }
  }

  /** Every pending timer, for a checkpoint: event-time ones first, each queue in no order. */
  public void forEachTimer(TimerVisitor<K> visitor) throws java.io.IOException {
    for (Timer<K> timer : eventTimerSet) {
      visitor.visit(true, timer.time(), timer.key());
    }
    for (Timer<K> timer : processingTimerSet) {
      visitor.visit(false, timer.time(), timer.key());
    }
  }

  /** Registers a restored timer for {@code key} (scheduling processing time as needed). */
  public void restoreTimer(boolean eventTime, long time, K key) {
    Timer<K> timer = new Timer<>(time, key);
    if (eventTime) {
      if (eventTimerSet.add(timer)) {
        eventTimers.add(timer);
      }
    } else if (processingTimerSet.add(timer)) {
      processingTimers.add(timer);
      if (time < scheduledWakeUp) {
        scheduledWakeUp = time;
        clock.scheduleAt(time, this::onProcessingTime, mailbox);
      }
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
