package io.sluice.api.windowing.operators;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.operators.AbstractStreamOperator;
import io.sluice.api.operators.NamespacedTimerService;
import io.sluice.api.operators.NamespacedTriggerable;
import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.api.typeutils.Types;
import io.sluice.api.windowing.WindowStateStore;
import io.sluice.api.windowing.assigners.MergingWindowAssigner;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.evictors.TimestampedValue;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs keyed windows: assigns each element to its windows, keeps their contents in keyed state (a
 * map from window to accumulator, so snapshots of keyed state hold them), asks the trigger after
 * every element and timer, and emits a window's result with the window's {@code maxTimestamp()}.
 *
 * <p>Timers carry their window as namespace: the trigger's timers and the cleanup timer ({@code
 * maxTimestamp + allowedLateness}) of a window are timers of (key, window, time), and a firing
 * timer names its window, so no per-key index of windows by time is kept. (Snapshots written before
 * timers had namespaces are read through a {@link LegacyTimerIndex}.)
 *
 * <p>Lateness (event time only): a window is late once the watermark reached its cleanup time; an
 * element is added to each of its windows that is not late. An element that found no window is
 * late; it goes to the late-data side output, or is dropped. Within the allowed lateness a window
 * keeps its state, and its trigger fires it again for each late element.
 *
 * <p>Merging windows (sessions): the windows of a key are kept in state; a new window that overlaps
 * existing ones merges with them (their contents with {@link WindowContents#merge}, their trigger
 * state through {@link Trigger#onMerge}), so a late element can bridge two sessions.
 *
 * <p>At the end of input, event-time windows have fired on the final watermark; processing-time
 * windows that still wait for their time fire then, as if the clock had passed every pending timer
 * (rather than losing their contents).
 *
 * <p>Confined to the task thread, like every operator.
 */
public final class WindowOperator<K, IN, ACC, V, OUT, W extends Window>
    extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT>, NamespacedTriggerable<K, W> {
  private static final String STATE_PREFIX = "_window-";

  private final WindowAssigner<? super IN, W> assigner;
  private final MergingWindowAssigner<? super IN, W> mergingAssigner;
  private final Trigger<IN, W> trigger;
  private final Evictor<IN, W> evictor;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataTag;
  private final WindowContents<IN, ACC, V> contents;
  private final InternalWindowFunction<V, OUT, K, W> function;
  private final TypeSerializer<ACC> accumulatorSerializer;

  private NamespacedTimerService<K, W> timers;
  private MapState<W, ACC> windowContents;
  private ValueState<List<W>> mergingWindows;
  private LegacyTimerIndex<W> legacyEventTimers;
  private LegacyTimerIndex<W> legacyProcessingTimers;
  private TriggerContextImpl triggerContext;
  private WindowContextImpl windowContext;
  private final WindowCollector collector = new WindowCollector();
  private final EvictorContextImpl evictorContext = new EvictorContextImpl();

  private long numLateElementsDropped;

  @SuppressWarnings("unchecked")
  public WindowOperator(WindowOperatorSpec<K, IN, ACC, V, OUT, W> spec) {
    this.assigner = spec.assigner();
    this.mergingAssigner =
        assigner instanceof MergingWindowAssigner<?, ?> merging
            ? (MergingWindowAssigner<? super IN, W>) merging
            : null;
    // Triggers and evictors only consume IN and W, so their wildcards can be narrowed safely.
    this.trigger = (Trigger<IN, W>) spec.trigger();
    this.evictor = (Evictor<IN, W>) spec.evictor();
    this.allowedLateness = assigner.isEventTime() ? spec.allowedLatenessMillis() : 0;
    this.lateDataTag = spec.lateDataTag();
    this.contents = spec.contents();
    this.function = spec.function();
    this.accumulatorSerializer = spec.accumulatorSerializer();
  }

  @Override
  public void open() throws Exception {
    RuntimeContext runtimeContext = context.getRuntimeContext();
    TypeSerializer<W> windowSerializer = assigner.getWindowSerializer();
    timers = context.getNamespacedTimerService(this, windowSerializer.duplicate());
    TypeSerializer<List<W>> windowListSerializer =
        TypeSerializers.forType(Types.list(windowSerializer.type()));
    TypeSerializer<Long> timeSerializer = TypeSerializers.forClass(Long.class);

    windowContents =
        runtimeContext.getMapState(
            new MapStateDescriptor<>(
                STATE_PREFIX + "contents", windowSerializer.duplicate(), accumulatorSerializer));
    legacyEventTimers =
        new LegacyTimerIndex<>(
            runtimeContext.getMapState(
                new MapStateDescriptor<>(
                    STATE_PREFIX + "event-timers", timeSerializer, windowListSerializer)));
    legacyProcessingTimers =
        new LegacyTimerIndex<>(
            runtimeContext.getMapState(
                new MapStateDescriptor<>(
                    STATE_PREFIX + "processing-timers",
                    timeSerializer.duplicate(),
                    windowListSerializer.duplicate())));
    if (mergingAssigner != null) {
      mergingWindows =
          runtimeContext.getState(
              new ValueStateDescriptor<>(
                  STATE_PREFIX + "merging-windows", windowListSerializer.duplicate()));
    }
    triggerContext = new TriggerContextImpl(runtimeContext, windowSerializer);
    windowContext = new WindowContextImpl(runtimeContext, windowSerializer);
    contents.open(runtimeContext);
    function.open(runtimeContext);
  }

  @Override
  public void close() throws Exception {
    try {
      function.close();
    } finally {
      contents.close();
    }
  }

  /** Elements dropped because they were too late and no late-data side output was set. */
  public long getNumLateElementsDropped() {
    return numLateElementsDropped;
  }

  // ---- elements ----

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    Collection<W> elementWindows = assigner.assignWindows(value, timestamp, triggerContext);
    boolean skipped = true;
    if (mergingAssigner != null) {
      for (W window : elementWindows) {
        W actual = addToMergingWindows(window);
        if (actual != null) {
          skipped = false;
          addElement(actual, value, timestamp);
        }
      }
    } else {
      for (W window : elementWindows) {
        if (!isWindowLate(window)) {
          skipped = false;
          addElement(window, value, timestamp);
        }
      }
    }
    if (skipped && isElementLate(timestamp)) {
      if (lateDataTag != null) {
        output.collect(lateDataTag, value, timestamp);
      } else {
        numLateElementsDropped++;
      }
    }
  }

  private void addElement(W window, IN value, long timestamp) throws Exception {
    ACC previous = windowContents.get(window);
    ACC accumulator = contents.add(previous, value, timestamp);
    windowContents.put(window, accumulator);
    // A window with contents has its cleanup timer (registered with its first element, kept until
    // its state goes), so only a new window needs one; and a trigger asking for a timer at the
    // cleanup time, as the event-time trigger does, asks for that same (window, time) timer.
    triggerContext.use(window, previous != null);
    TriggerResult result = trigger.onElement(value, timestamp, window, triggerContext);
    boolean cleanupTimerInPlace = triggerContext.cleanupTimerInPlace;
    apply(result, window, accumulator);
    if (!cleanupTimerInPlace) {
      registerCleanupTimer(window);
    }
  }

  /**
   * Adds {@code window} to the key's merging windows, merging it with those it overlaps.
   *
   * @return the window the element belongs to after merging, or null if {@code window} stands alone
   *     and is already late
   */
  private W addToMergingWindows(W window) throws Exception {
    List<W> active = mergingWindows.value() == null ? new ArrayList<>() : mergingWindows.value();
    if (active.contains(window)) {
      return window;
    }
    List<W> candidates = new ArrayList<>(active);
    candidates.add(window);
    List<List<W>> group = new ArrayList<>(1);
    List<W> result = new ArrayList<>(1);
    mergingAssigner.mergeWindows(
        candidates,
        (toBeMerged, mergeResult) -> {
          if (toBeMerged.contains(window)) {
            group.add(toBeMerged);
            result.add(mergeResult);
          }
        });
    if (group.isEmpty()) {
      if (isWindowLate(window)) {
        return null;
      }
      List<W> next = new ArrayList<>(active);
      next.add(window);
      mergingWindows.update(next);
      return window;
    }
    W mergeResult = result.get(0);
    List<W> previous = new ArrayList<>(group.get(0));
    previous.remove(window);
    List<W> mergedAway = new ArrayList<>(previous);
    mergedAway.remove(mergeResult);
    if (mergedAway.isEmpty() && previous.contains(mergeResult)) {
      return mergeResult; // the new window lies inside an existing one
    }
    merge(mergeResult, previous, mergedAway);
    List<W> next = new ArrayList<>(active);
    next.removeAll(mergedAway);
    if (!next.contains(mergeResult)) {
      next.add(mergeResult);
    }
    mergingWindows.update(next);
    return mergeResult;
  }

  /** Merges the contents and trigger state of {@code previous} windows into {@code target}. */
  private void merge(W target, List<W> previous, List<W> mergedAway) throws Exception {
    triggerContext.use(target, false);
    triggerContext.mergedWindows = mergedAway;
    trigger.onMerge(target, triggerContext);
    triggerContext.mergedWindows = List.of();
    for (W old : mergedAway) {
      triggerContext.use(old, false);
      trigger.clear(old, triggerContext);
      deleteCleanupTimer(old);
    }
    ACC merged = null;
    for (W old : previous) {
      ACC accumulator = windowContents.get(old);
      if (accumulator != null) {
        merged = merged == null ? accumulator : contents.merge(merged, accumulator);
      }
      if (!old.equals(target)) {
        windowContents.remove(old);
      }
    }
    if (merged != null) {
      windowContents.put(target, merged);
      registerCleanupTimer(target); // target may be new; its contents need their cleanup timer
    }
  }

  // ---- timers ----

  /** A window's timer fired; a timer without window comes from a snapshot of before namespaces. */
  @Override
  public void onEventTime(K key, W window, long time) throws Exception {
    if (window != null) {
      onTimer(window, time, true);
    } else {
      for (W restored : legacyEventTimers.take(time)) {
        onTimer(restored, time, true);
      }
    }
  }

  @Override
  public void onProcessingTime(K key, W window, long time) throws Exception {
    if (window != null) {
      onTimer(window, time, false);
    } else {
      for (W restored : legacyProcessingTimers.take(time)) {
        onTimer(restored, time, false);
      }
    }
  }

  private void onTimer(W window, long time, boolean eventTime) throws Exception {
    if (mergingAssigner != null) {
      List<W> active = mergingWindows.value();
      if (active == null || !active.contains(window)) {
        return; // merged into another window, or already removed
      }
    }
    triggerContext.use(window, false);
    triggerContext.firing(time, eventTime);
    try {
      ACC accumulator = windowContents.get(window);
      if (accumulator != null) {
        TriggerResult result =
            eventTime
                ? trigger.onEventTime(time, window, triggerContext)
                : trigger.onProcessingTime(time, window, triggerContext);
        apply(result, window, accumulator);
      }
      if (assigner.isEventTime() == eventTime && time == cleanupTime(window)) {
        clearAllState(window);
      }
    } finally {
      triggerContext.firingDone();
    }
  }

  /** At the end of input, fires what waits for processing time instead of losing it. */
  @Override
  public void finish() throws Exception {
    timers.firePendingProcessingTimers();
  }

  // ---- firing and cleanup ----

  private void apply(TriggerResult result, W window, ACC accumulator) throws Exception {
    if (result.isFire()) {
      emit(window, accumulator);
    }
    if (result.isPurge()) {
      windowContents.remove(window);
    }
  }

  @SuppressWarnings("unchecked")
  private void emit(W window, ACC accumulator) throws Exception {
    windowContext.window = window;
    collector.timestamp = window.maxTimestamp();
    K key = currentKey();
    if (evictor == null) {
      function.process(key, windowContext, contents.results(accumulator), collector);
      return;
    }
    List<TimestampedValue<IN>> elements = new ArrayList<>((List<TimestampedValue<IN>>) accumulator);
    evictor.evictBefore(elements, elements.size(), window, evictorContext);
    function.process(key, windowContext, contents.results((ACC) elements), collector);
    evictor.evictAfter(elements, elements.size(), window, evictorContext);
    if (elements.isEmpty()) {
      windowContents.remove(window);
    } else {
      windowContents.put(window, (ACC) elements);
    }
  }

  private void clearAllState(W window) throws Exception {
    windowContents.remove(window);
    triggerContext.use(window, false);
    trigger.clear(window, triggerContext);
    windowContext.window = window;
    function.clear(currentKey(), windowContext);
    if (mergingAssigner != null) {
      List<W> active = mergingWindows.value();
      if (active != null) {
        List<W> next = new ArrayList<>(active);
        next.remove(window);
        mergingWindows.update(next.isEmpty() ? null : next);
      }
    }
  }

  /** When the window's state goes: the end plus the allowed lateness in event time. */
  private long cleanupTime(W window) {
    if (!assigner.isEventTime()) {
      return window.maxTimestamp();
    }
    long cleanup = window.maxTimestamp() + allowedLateness;
    return cleanup >= window.maxTimestamp() ? cleanup : Long.MAX_VALUE;
  }

  private void registerCleanupTimer(W window) {
    long time = cleanupTime(window);
    if (time == Long.MAX_VALUE) {
      return; // never: global windows, or the end of time
    }
    if (assigner.isEventTime()) {
      timers.registerEventTimeTimer(window, time);
    } else {
      timers.registerProcessingTimeTimer(window, time);
    }
  }

  private void deleteCleanupTimer(W window) {
    long time = cleanupTime(window);
    if (time == Long.MAX_VALUE) {
      return;
    }
    if (assigner.isEventTime()) {
      timers.deleteEventTimeTimer(window, time);
    } else {
      timers.deleteProcessingTimeTimer(window, time);
    }
  }

  private boolean isWindowLate(W window) {
    return assigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
  }

  private boolean isElementLate(long timestamp) {
    if (!assigner.isEventTime()) {
      return false;
    }
    long deadline = timestamp + allowedLateness;
    return deadline >= timestamp && deadline <= timers.currentWatermark();
  }

  @SuppressWarnings("unchecked")
  private K currentKey() {
    return (K) context.getKeyedStateBackend().getCurrentKey();
  }

  // ---- contexts ----

  /** The trigger's (and assigner's) view of the current key and window. */
  private final class TriggerContextImpl
      implements Trigger.OnMergeContext, WindowAssigner.WindowAssignerContext {
    W window;
    List<W> mergedWindows = List.of();

    /** Whether the cleanup timer of {@link #window} is known to be registered. */
    boolean cleanupTimerInPlace;

    // The timer of (window, firedTime) in the domain firedInEventTime fired and is no longer
    // registered, unless firedTimerGone was reset by registering it again: a trigger's clear()
    // deleting it (the event-time trigger deletes the timer at the window end, which fires the
    // window) then needs no lookup in the timer queue, nor in the window contents.
    private boolean firedTimerGone;
    private long firedTime;
    private boolean firedInEventTime;

    private final WindowScopedStateStore<W> state;

    TriggerContextImpl(KeyedStateStore keyedState, TypeSerializer<W> windowSerializer) {
      this.state =
          new WindowScopedStateStore<>(
              keyedState, windowSerializer, STATE_PREFIX + "trigger-", () -> window);
    }

    /** Makes {@code window} the trigger's window; see {@link #cleanupTimerInPlace}. */
    void use(W window, boolean cleanupTimerInPlace) {
      this.window = window;
      this.cleanupTimerInPlace = cleanupTimerInPlace;
    }

    /** The timer of {@link #window} at {@code time} in the given domain is firing. */
    void firing(long time, boolean eventTimeDomain) {
      firedTimerGone = true;
      firedTime = time;
      firedInEventTime = eventTimeDomain;
    }

    void firingDone() {
      firedTimerGone = false;
    }

    private boolean isFiredTimer(long time, boolean eventTimeDomain) {
      return firedTimerGone && time == firedTime && eventTimeDomain == firedInEventTime;
    }

    @Override
    public long getCurrentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
      return timers.currentWatermark();
    }

    @Override
    public void registerEventTimeTimer(long time) {
      if (isFiredTimer(time, true)) {
        firedTimerGone = false;
      }
      if (isCleanupTimer(time, true)) {
        if (cleanupTimerInPlace) {
          return; // the timer of this (window, time) is registered: one hash lookup saved
        }
        cleanupTimerInPlace = true;
      }
      timers.registerEventTimeTimer(window, time);
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
      if (isFiredTimer(time, false)) {
        firedTimerGone = false;
      }
      if (isCleanupTimer(time, false)) {
        if (cleanupTimerInPlace) {
          return;
        }
        cleanupTimerInPlace = true;
      }
      timers.registerProcessingTimeTimer(window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
      if (!isFiredTimer(time, true) && !keepsCleanupTimer(time, true)) {
        timers.deleteEventTimeTimer(window, time);
      }
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
      if (!isFiredTimer(time, false) && !keepsCleanupTimer(time, false)) {
        timers.deleteProcessingTimeTimer(window, time);
      }
    }

    /** Whether {@code time} in the given domain is the time of the window's cleanup timer. */
    private boolean isCleanupTimer(long time, boolean eventTimeDomain) {
      return eventTimeDomain == assigner.isEventTime()
          && time != Long.MAX_VALUE
          && time == cleanupTime(window);
    }

    /**
     * Whether a trigger's deletion of the timer at {@code time} must leave it in place: the
     * trigger's timer at the cleanup time is the cleanup timer itself, which stays while the window
     * has contents (else the window would never be cleaned up, as no later element registers it
     * again).
     */
    private boolean keepsCleanupTimer(long time, boolean eventTimeDomain) {
      return isCleanupTimer(time, eventTimeDomain) && windowContents.contains(window);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
      return state.getState(descriptor);
    }

    @Override
    public <T> io.sluice.api.state.ListState<T> getListState(
        io.sluice.api.state.ListStateDescriptor<T> descriptor) {
      return state.getListState(descriptor);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
      return state.getMapState(descriptor);
    }

    @Override
    public <S> void mergeValueState(ValueStateDescriptor<S> descriptor, ReduceFunction<S> merger)
        throws Exception {
      state.mergeValues(descriptor, window, mergedWindows, merger);
    }
  }

  /** The window function's view of the firing window. */
  private final class WindowContextImpl implements WindowContext<W> {
    W window;
    private final KeyedStateStore keyedState;
    private final WindowScopedStateStore<W> state;

    WindowContextImpl(KeyedStateStore keyedState, TypeSerializer<W> windowSerializer) {
      this.keyedState = keyedState;
      this.state =
          new WindowScopedStateStore<>(
              keyedState, windowSerializer, STATE_PREFIX + "function-", () -> window);
    }

    @Override
    public W window() {
      return window;
    }

    @Override
    public long currentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return timers.currentWatermark();
    }

    @Override
    public WindowStateStore windowState() {
      if (mergingAssigner != null) {
        throw new UnsupportedOperationException(
            "Per-window state is not available for merging windows ("
                + assigner
                + "): a session's window changes as it merges; keep state in globalState()");
      }
      return state;
    }

    @Override
    public KeyedStateStore globalState() {
      return keyedState;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      output.collect(tag, value, window.maxTimestamp());
    }
  }

  private final class EvictorContextImpl implements Evictor.EvictorContext {
    @Override
    public long getCurrentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
      return timers.currentWatermark();
    }
  }

  /** Emits results with the firing window's {@code maxTimestamp()}. */
  private final class WindowCollector implements Collector<OUT> {
    long timestamp;

    @Override
    public void collect(OUT record) {
      if (record == null) {
        throw new NullPointerException(
            "a window function emitted null; streams do not carry null elements");
      }
      output.collect(record, timestamp);
    }
  }
}
