package io.sluice.runtime.time;

import io.sluice.api.operators.InternalTimerService;
import io.sluice.api.operators.NamespacedTimerService;
import io.sluice.api.operators.NamespacedTriggerable;
import io.sluice.api.operators.Triggerable;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.state.KeyedStateBackend;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Per-key timers of one operator: a {@link TimerQueue} per time domain, which keeps each (key,
 * namespace, time) triple once and fires timers of equal time in the order they were registered.
 * Event-time timers fire when {@link #advanceWatermark} passes them; processing-time timers when
 * the clock does, through a mail. Confined to the task thread.
 *
 * <p>Operators that register timers per namespace (a window operator: one per window) use this
 * class as their {@link NamespacedTimerService}; the others use {@link #withoutNamespaces} and its
 * {@link #plainTimers()} view, whose timers have the null namespace.
 */
public final class KeyedTimerService<K> implements NamespacedTimerService<K, Object> {
  private final KeyedStateBackend<K> backend;
  private final NamespacedTriggerable<K, Object> target;
  private final TypeSerializer<Object> namespaceSerializer;
  private final ProcessingTimeService clock;
  private final Consumer<Runnable> mailbox;
  private final TimerQueue<K> eventTimers = new TimerQueue<>();
  private final TimerQueue<K> processingTimers = new TimerQueue<>();
  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledWakeUp = Long.MAX_VALUE;

  private KeyedTimerService(
      KeyedStateBackend<K> backend,
      NamespacedTriggerable<K, Object> target,
      TypeSerializer<Object> namespaceSerializer,
      ProcessingTimeService clock,
      Consumer<Runnable> mailbox) {
    this.backend = backend;
    this.target = target;
    this.namespaceSerializer = namespaceSerializer;
    this.clock = clock;
    this.mailbox = mailbox;
  }

  /** Timers without namespaces, for {@link #plainTimers()}; {@code target} hears of each. */
  public static <K> KeyedTimerService<K> withoutNamespaces(
      KeyedStateBackend<K> backend,
      Triggerable<K> target,
      ProcessingTimeService clock,
      Consumer<Runnable> mailbox) {
    return new KeyedTimerService<>(backend, new PlainTarget<>(target), null, clock, mailbox);
  }

  /** Timers with namespaces of the type {@code namespaceSerializer} writes into checkpoints. */
  @SuppressWarnings("unchecked")
  public static <K, N> KeyedTimerService<K> withNamespaces(
      KeyedStateBackend<K> backend,
      NamespacedTriggerable<K, N> target,
      TypeSerializer<N> namespaceSerializer,
      ProcessingTimeService clock,
      Consumer<Runnable> mailbox) {
    return new KeyedTimerService<>(
        backend,
        (NamespacedTriggerable<K, Object>) target,
        (TypeSerializer<Object>) Objects.requireNonNull(namespaceSerializer),
        clock,
        mailbox);
  }

  /** Whether timers carry namespaces (created by {@link #withNamespaces}). */
  public boolean hasNamespaces() {
    return namespaceSerializer != null;
  }

  /**
   * Writes namespaces into checkpoints.
   *
   * @throws IllegalStateException if timers carry no namespaces
   */
  public TypeSerializer<Object> namespaceSerializer() {
    if (namespaceSerializer == null) {
      throw new IllegalStateException("these timers carry no namespaces");
    }
    return namespaceSerializer;
  }

  /** This service as timers without namespace, for operators that registered a plain target. */
  public InternalTimerService<K> plainTimers() {
    if (namespaceSerializer != null) {
      throw new IllegalStateException(
          "the operator's timers carry namespaces; it cannot also use timers without them");
    }
    return new PlainTimers();
  }

  @Override
  public void registerEventTimeTimer(Object namespace, long time) {
    eventTimers.add(time, backend.getCurrentKey(), namespace);
  }

  @Override
  public void deleteEventTimeTimer(Object namespace, long time) {
    eventTimers.remove(time, backend.getCurrentKey(), namespace);
  }

  @Override
  public void registerProcessingTimeTimer(Object namespace, long time) {
    if (processingTimers.add(time, backend.getCurrentKey(), namespace)) {
      wakeUpAt(time);
    }
  }

  @Override
  public void deleteProcessingTimeTimer(Object namespace, long time) {
    processingTimers.remove(time, backend.getCurrentKey(), namespace);
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
    while ((timer = eventTimers.pollDue(watermark)) != null) {
      backend.setCurrentKey(timer.key);
      target.onEventTime(timer.key, timer.namespace, timer.time);
    }
  }

  @Override
  public void firePendingProcessingTimers() throws Exception {
    for (TimerQueue.Timer<K> timer : processingTimers.inFiringOrder()) {
      if (processingTimers.remove(timer.time, timer.key, timer.namespace)) {
        backend.setCurrentKey(timer.key);
        target.onProcessingTime(timer.key, timer.namespace, timer.time);
      }
    }
  }

  /** Runs as a mail: fires due processing-time timers and schedules the next wake-up. */
  private void onProcessingTime() {
    long now = clock.currentTimeMillis();
    scheduledWakeUp = Long.MAX_VALUE;
    try {
      TimerQueue.Timer<K> timer;
      while ((timer = processingTimers.pollDue(now)) != null) {
        backend.setCurrentKey(timer.key);
        target.onProcessingTime(timer.key, timer.namespace, timer.time);
      }
    } catch (Exception e) {
      throw new TimerException("a processing-time timer failed", e);
    }
    if (!processingTimers.isEmpty()) {
      long next = processingTimers.peekTime();
      scheduledWakeUp = next;
      clock.scheduleAt(next, this::onProcessingTime, mailbox);
    }
  }

  private void wakeUpAt(long time) {
    if (time < scheduledWakeUp) {
      scheduledWakeUp = time;
      clock.scheduleAt(time, this::onProcessingTime, mailbox);
    }
  }

  /** Every pending timer, for a checkpoint: event-time ones, then processing-time ones. */
  public void forEachTimer(TimerVisitor<K> visitor) throws java.io.IOException {
    for (TimerQueue.Timer<K> timer : eventTimers.inFiringOrder()) {
      visitor.visit(true, timer.time, timer.key, timer.namespace);
    }
    for (TimerQueue.Timer<K> timer : processingTimers.inFiringOrder()) {
      visitor.visit(false, timer.time, timer.key, timer.namespace);
    }
  }

  /**
   * Registers a restored timer for {@code key} and {@code namespace} (null: none), scheduling
   * processing time as needed.
   */
  public void restoreTimer(boolean eventTime, long time, K key, Object namespace) {
    if (eventTime) {
      eventTimers.add(time, key, namespace);
    } else if (processingTimers.add(time, key, namespace)) {
      wakeUpAt(time);
    }
  }

  /** Receives timers from {@link #forEachTimer}. */
  @FunctionalInterface
  public interface TimerVisitor<K> {
    /**
     * @param namespace the timer's namespace, null if it has none
     */
    void visit(boolean eventTime, long time, K key, Object namespace) throws java.io.IOException;
  }

  public int numberOfEventTimers() {
    return eventTimers.size();
  }

  public int numberOfProcessingTimers() {
    return processingTimers.size();
  }

  /** The timers of the current key without namespace. */
  private final class PlainTimers implements InternalTimerService<K> {
    @Override
    public void registerEventTimeTimer(long time) {
      KeyedTimerService.this.registerEventTimeTimer(null, time);
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
      KeyedTimerService.this.registerProcessingTimeTimer(null, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
      KeyedTimerService.this.deleteEventTimeTimer(null, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
      KeyedTimerService.this.deleteProcessingTimeTimer(null, time);
    }

    @Override
    public long currentProcessingTime() {
      return KeyedTimerService.this.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }
  }

  /** Hands timers without namespace to a plain {@link Triggerable}. */
  private record PlainTarget<K>(Triggerable<K> target) implements NamespacedTriggerable<K, Object> {
    @Override
    public void onEventTime(K key, Object namespace, long timestamp) throws Exception {
      target.onEventTime(key, timestamp);
    }

    @Override
    public void onProcessingTime(K key, Object namespace, long timestamp) throws Exception {
      target.onProcessingTime(key, timestamp);
    }
  }

  /** Wraps a timer callback's checked exception so the task fails with it. */
  public static final class TimerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimerException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
