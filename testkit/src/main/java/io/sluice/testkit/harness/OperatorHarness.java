package io.sluice.testkit.harness;

import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.operators.InternalTimerService;
import io.sluice.api.operators.NamespacedTimerService;
import io.sluice.api.operators.NamespacedTriggerable;
import io.sluice.api.operators.OperatorContext;
import io.sluice.api.operators.StreamOperator;
import io.sluice.api.operators.Triggerable;
import io.sluice.api.state.OperatorStateStore;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.runtime.checkpoint.TimerFormat;
import io.sluice.runtime.state.DefaultOperatorStateStore;
import io.sluice.runtime.state.OperatorStateRedistribution;
import io.sluice.runtime.state.RestoredList;
import io.sluice.runtime.time.KeyedTimerService;
import io.sluice.runtime.time.OperatorTimers;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotKind;
import io.sluice.state.heap.HeapStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs one {@link StreamOperator} on the test's thread, without a job, a task or a network: the
 * harness is the operator's {@link OperatorContext} and {@link io.sluice.api.operators.Output}.
 * What the runtime would do around the operator, the harness does the same way: keyed harnesses set
 * the current key from their key selector before each element and keep keyed state in the real heap
 * backend over all {@value #MAX_PARALLELISM} key groups; event-time timers fire before the operator
 * sees the watermark that passes them; processing time is a {@link ManualProcessingTimeService}
 * that moves only on {@link #setProcessingTime}.
 *
 * <p><b>Mailbox.</b> Actions posted to {@link OperatorContext#getMailboxExecutor()} (from any
 * thread) are queued and run on the test's thread right after each harness call that feeds the
 * operator ({@code open}, elements, watermarks, {@code setProcessingTime}, {@code finish}), as a
 * task runs its mails between elements. Actions posted later by other threads run on the next such
 * call, on {@link #runMailbox()}, while {@link #runMailboxUntil} waits for them, or while the
 * operator itself yields to the mailbox (waiting at most {@link #YIELD_TIMEOUT}).
 *
 * <p>Lifecycle: create, optionally {@link #initializeState} (a restore), {@link #open()}, feed
 * input, optionally {@link #finish()} (or {@link #endInput()}), {@link #close()}.
 *
 * <p><b>Checkpoints.</b> {@link #snapshot} takes a checkpoint of the operator (its operator state,
 * serialized, and its keyed state through the backend's snapshot); {@link
 * #notifyOfCompletedCheckpoint} tells it the checkpoint completed. To test recovery, drop the
 * harness (a crash: without {@link #close()}, or with it for a failure the task noticed), create a
 * new harness with a new operator, {@link #initializeState} it from the snapshot and open it:
 *
 * <pre>{@code
 * OperatorSnapshot checkpoint = harness.snapshot(1);
 * harness.processElement("after the checkpoint");
 * // crash: the harness is dropped
 * var restored = new OneInputOperatorHarness<>(new SinkWriterOperator<>(sink));
 * restored.initializeState(checkpoint);
 * restored.open();
 * }</pre>
 *
 * Not thread-safe except for the mailbox executor.
 */
public abstract class OperatorHarness<OUT> implements AutoCloseable {
  /** The job id the operator's runtime context reports. */
  public static final String JOB_ID = "harness";

  /** The number of key groups of keyed harnesses (the runtime's default max parallelism). */
  public static final int MAX_PARALLELISM = KeyGroups.DEFAULT_MAX_PARALLELISM;

  /** How long an operator may wait for mails of other threads before the harness gives up. */
  public static final Duration YIELD_TIMEOUT = Duration.ofSeconds(30);

  private enum Phase {
    CREATED,
    OPEN,
    FINISHED,
    CLOSED
  }

  private final StreamOperator<OUT> operator;
  private final String description;
  private final KeyedStateBackend<Object> keyedBackend;
  private final TypeSerializer<Object> keySerializer;
  private final ManualProcessingTimeService clock = new ManualProcessingTimeService(0);
  private final HarnessMailbox mailbox = new HarnessMailbox();
  private final HarnessOutput<OUT> output = new HarnessOutput<>();
  private final RuntimeContext runtimeContext;
  private final OperatorTimers timers;
  private long currentWatermark = Long.MIN_VALUE;
  private Phase phase = Phase.CREATED;
  private List<OperatorSnapshot> restoreFrom = List.of();
  private boolean restored;
  private DefaultOperatorStateStore operatorState;
  private boolean checkpointingEnabled;

  /**
   * @param keyed the keyed state, or null for a non-keyed harness
   */
  OperatorHarness(StreamOperator<OUT> operator, HarnessKeyedState keyed) {
    this.operator = operator;
    this.description = operator.getClass().getSimpleName() + " (1/1)";
    this.keyedBackend = keyed == null ? null : keyed.backend();
    this.keySerializer = keyed == null ? null : keyed.keySerializer();
    this.runtimeContext =
        new HarnessRuntimeContext(
            description, MAX_PARALLELISM, operator.getClass().getClassLoader(), keyedBackend);
    this.timers =
        new OperatorTimers(
            keyedBackend,
            clock,
            mailbox::post,
            this::restoreTimers,
            "Timers need a keyed stream (keyBy); operator '"
                + description
                + "' runs in a non-keyed harness: use a keyed harness");
  }

  /** Heap keyed state over every key group, as a job of parallelism 1 has. */
  @SuppressWarnings("unchecked")
  static HarnessKeyedState allKeyGroups(Type keyType, StreamOperator<?> operator) {
    TypeSerializer<Object> keySerializer = TypeSerializers.forType(keyType);
    KeyedStateBackend<Object> backend =
        new HeapStateBackend()
            .createKeyedStateBackend(
                new KeyedStateBackendParameters<>(
                    JOB_ID,
                    operator.getClass().getSimpleName(),
                    0,
                    keySerializer,
                    new KeyGroupRange(0, MAX_PARALLELISM - 1),
                    MAX_PARALLELISM));
    return new HarnessKeyedState(backend, keySerializer);
  }

  // ---- lifecycle ----

  /**
   * Makes the next {@link #open()} restore the operator from {@code snapshots} (taken by {@link
   * #snapshot} of other harnesses): the keyed state is loaded into this harness's backend, the
   * operator state handed to the operator's {@code initializeState}, and {@code isRestored()}
   * reports true. Several snapshots are merged as on a scale-in to one subtask.
   */
  public void initializeState(OperatorSnapshot... snapshots) {
    requirePhase(Phase.CREATED, "initializeState");
    if (snapshots.length == 0) {
      throw new IllegalArgumentException("initializeState needs at least one snapshot");
    }
    restoreFrom = List.of(snapshots);
    restored = true;
  }

  /**
   * Sets the operator up with this harness as context and output, restores its state (see {@link
   * #initializeState}), lets it initialize its state, then opens it.
   */
  public void open() throws Exception {
    requirePhase(Phase.CREATED, "open");
    restoreKeyedState();
    List<Map<String, RestoredList>> old =
        restoreFrom.stream().map(snapshot -> snapshot.operatorState().lists()).toList();
    operatorState =
        new DefaultOperatorStateStore(
            description,
            old.isEmpty() ? Map.of() : OperatorStateRedistribution.forSubtask(old, 0, 1));
    operator.setup(new Context(), output);
    phase = Phase.OPEN;
    operator.initializeState();
    operator.open();
    runMailbox();
  }

  private void restoreKeyedState() throws IOException {
    Map<StateHandle, byte[]> bytes = new HashMap<>();
    List<KeyedStateHandle> handles = new ArrayList<>();
    for (OperatorSnapshot snapshot : restoreFrom) {
      if (snapshot.keyedState() != null) {
        handles.add(snapshot.keyedState());
        for (StateHandle piece : snapshot.keyedState().pieces()) {
          bytes.put(piece, snapshot.pieces().get(piece.location()));
        }
      }
    }
    if (handles.isEmpty()) {
      return;
    }
    if (keyedBackend == null) {
      throw new IllegalStateException(
          "the snapshot holds keyed state, but the harness of " + description + " is not keyed");
    }
    keyedBackend.restore(handles, piece -> MemorySnapshotTarget.open(bytes, piece));
  }

  /** Registers the timers of the snapshots this harness was restored from. */
  private void restoreTimers(KeyedTimerService<Object> created) {
    for (OperatorSnapshot snapshot : restoreFrom) {
      if (snapshot.timers() != null) {
        try {
          TimerFormat.restore(
              snapshot.timers(),
              created,
              keySerializer,
              keyedBackend.getKeyGroupRange(),
              "timers of checkpoint " + snapshot.checkpointId());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  // ---- checkpoints ----

  /**
   * Takes a checkpoint as a barrier passing the operator would: calls its {@code
   * snapshotState(checkpointId)}, then copies its operator state and (in keyed harnesses) its keyed
   * state, which must support snapshots, and its pending timers.
   */
  public OperatorSnapshot snapshot(long checkpointId) throws Exception {
    requireStarted("snapshot");
    operator.snapshotState(checkpointId);
    runMailbox();
    OperatorStateSnapshot operatorSnapshot = new OperatorStateSnapshot(operatorState.snapshot());
    if (keyedBackend == null) {
      return new OperatorSnapshot(checkpointId, operatorSnapshot, null, Map.of(), null);
    }
    byte[] timerBytes =
        timers.orNull() == null
            ? null
            : TimerFormat.write(timers.orNull(), keySerializer, MAX_PARALLELISM);
    MemorySnapshotTarget target = new MemorySnapshotTarget(checkpointId, SnapshotKind.CHECKPOINT);
    KeyedStateSnapshot keyed = keyedBackend.snapshot(checkpointId, SnapshotKind.CHECKPOINT);
    try {
      KeyedStateHandle handle = keyed.write(target);
      return new OperatorSnapshot(
          checkpointId, operatorSnapshot, handle, target.pieces(), timerBytes);
    } finally {
      keyed.release();
    }
  }

  /**
   * Tells the operator that the job takes checkpoints ({@code isCheckpointingEnabled()}), as a job
   * with {@code enableCheckpointing} does: two-phase operators then commit only when notified, also
   * after {@link #finish()} (notify {@code CheckpointListener.END_OF_INPUT_CHECKPOINT_ID}, as the
   * runtime does once the whole job has ended). Call before {@link #open()}.
   */
  public void enableCheckpointing() {
    requirePhase(Phase.CREATED, "enableCheckpointing");
    checkpointingEnabled = true;
  }

  /** Tells the operator checkpoint {@code checkpointId} completed on every task. */
  public void notifyOfCompletedCheckpoint(long checkpointId) throws Exception {
    requireStarted("notifyOfCompletedCheckpoint");
    operator.notifyCheckpointComplete(checkpointId);
    runMailbox();
  }

  /** Tells the operator checkpoint {@code checkpointId} was aborted. */
  public void notifyOfAbortedCheckpoint(long checkpointId) throws Exception {
    requireStarted("notifyOfAbortedCheckpoint");
    operator.notifyCheckpointAborted(checkpointId);
    runMailbox();
  }

  /** Tells the operator its input ended (it emits what it buffered). */
  public void finish() throws Exception {
    requireOpen("finish");
    phase = Phase.FINISHED;
    operator.finish();
    runMailbox();
  }

  /**
   * Ends the input as a bounded source does: the final watermark {@code Long.MAX_VALUE} (firing
   * every event-time timer), then {@link #finish()}.
   */
  public void endInput() throws Exception {
    advanceWatermark(Long.MAX_VALUE);
    finish();
  }

  /** Closes the operator (if it was opened) and drops its state; idempotent. */
  @Override
  public void close() throws Exception {
    if (phase == Phase.CLOSED) {
      return;
    }
    boolean wasSetUp = phase != Phase.CREATED;
    phase = Phase.CLOSED;
    try {
      if (wasSetUp) {
        operator.close();
      }
    } finally {
      clock.close();
      if (keyedBackend != null) {
        keyedBackend.close();
      }
    }
  }

  // ---- time ----

  /**
   * Moves processing time to {@code time}, firing due processing-time timers and {@code scheduleAt}
   * callbacks one by one in time order (the clock reads each one's time while it runs). Timers
   * registered for a time already reached fire on the next call, so {@code
   * setProcessingTime(getProcessingTime())} fires them.
   *
   * @throws IllegalArgumentException if {@code time} lies before the current processing time
   */
  public void setProcessingTime(long time) throws Exception {
    requireNotClosed("setProcessingTime");
    try {
      clock.advanceTo(time, mailbox::runAll);
      runMailbox();
    } catch (KeyedTimerService.TimerException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  public long getProcessingTime() {
    return clock.currentTimeMillis();
  }

  /** The watermark the operator last saw; {@code Long.MIN_VALUE} before the first. */
  public long getCurrentWatermark() {
    return currentWatermark;
  }

  /**
   * As the runtime does: ignores a watermark that does not advance, fires event-time timers up to
   * it, then lets the operator see (and usually forward) it.
   */
  void advanceWatermark(long watermark) throws Exception {
    requireOpen("processWatermark");
    if (watermark <= currentWatermark) {
      return;
    }
    currentWatermark = watermark;
    KeyedTimerService<Object> due = timers.orNull();
    if (due != null) {
      due.advanceWatermark(watermark);
    }
    operator.processWatermark(watermark);
    runMailbox();
  }

  // ---- mailbox ----

  /** Runs every queued mailbox action now, including those they queue. */
  public void runMailbox() {
    mailbox.runAll();
  }

  /**
   * Runs mailbox actions, waiting for other threads (async callbacks) to post more, until {@code
   * condition} holds.
   *
   * @throws TimeoutException if it does not hold within {@code timeout}
   */
  public void runMailboxUntil(BooleanSupplier condition, Duration timeout)
      throws InterruptedException, TimeoutException {
    mailbox.runUntil(condition, timeout);
  }

  // ---- output ----

  /** Everything emitted on the main output so far, elements and watermarks, in order. */
  public List<OutputElement> getOutput() {
    return output.main();
  }

  /** The elements (with timestamps) of the main output, without the watermarks. */
  @SuppressWarnings("unchecked")
  public List<StreamRecord<OUT>> getRecordOutput() {
    List<StreamRecord<OUT>> records = new ArrayList<>();
    for (OutputElement element : output.main()) {
      if (element instanceof StreamRecord<?> record) {
        records.add((StreamRecord<OUT>) record);
      }
    }
    return records;
  }

  /** The values of the main output's elements, in order. */
  public List<OUT> extractOutputValues() {
    return getRecordOutput().stream().map(StreamRecord::value).toList();
  }

  /** The watermarks of the main output, in order. */
  public List<Long> extractWatermarks() {
    return output.main().stream()
        .filter(Watermark.class::isInstance)
        .map(e -> ((Watermark) e).timestamp())
        .toList();
  }

  /** What the operator emitted to side output {@code tag}, in order. */
  public <X> List<StreamRecord<X>> getSideOutput(OutputTag<X> tag) {
    return output.side(tag);
  }

  public <X> List<X> extractSideOutputValues(OutputTag<X> tag) {
    return output.side(tag).stream().map(StreamRecord::value).toList();
  }

  /** Forgets the output collected so far (main and side outputs). */
  public void clearOutput() {
    output.clear();
  }

  // ---- introspection ----

  /** Registered event-time timers not yet fired, over all keys. */
  public int numEventTimeTimers() {
    return timers.orNull() == null ? 0 : timers.orNull().numberOfEventTimers();
  }

  /** Registered processing-time timers not yet fired, over all keys. */
  public int numProcessingTimeTimers() {
    return timers.orNull() == null ? 0 : timers.orNull().numberOfProcessingTimers();
  }

  public StreamOperator<OUT> getOperator() {
    return operator;
  }

  /** The keyed state backend, or null in a non-keyed harness. */
  KeyedStateBackend<Object> keyedBackend() {
    return keyedBackend;
  }

  void requireOpen(String method) {
    if (phase != Phase.OPEN) {
      throw new IllegalStateException(
          method
              + "() needs an open operator, but the harness of "
              + description
              + " is "
              + phase
              + (phase == Phase.CREATED ? ": call open() first" : ""));
    }
  }

  private void requireStarted(String method) {
    if (phase != Phase.OPEN && phase != Phase.FINISHED) {
      throw new IllegalStateException(
          method + "() needs an open or finished operator; " + description + " is " + phase);
    }
  }

  private void requirePhase(Phase expected, String method) {
    if (phase != expected) {
      throw new IllegalStateException(
          method + "() works on a " + expected + " harness; " + description + " is " + phase);
    }
  }

  private void requireNotClosed(String method) {
    if (phase == Phase.CLOSED) {
      throw new IllegalStateException(method + "() on the closed harness of " + description);
    }
  }

  /** The operator's view of its subtask; confined to the harness thread (except the executor). */
  private final class Context implements OperatorContext {
    @Override
    public RuntimeContext getRuntimeContext() {
      return runtimeContext;
    }

    @Override
    public String getOperatorDescription() {
      return description;
    }

    @Override
    public KeyedStateBackend<?> getKeyedStateBackend() {
      return keyedBackend;
    }

    @Override
    public <K> InternalTimerService<K> getTimerService(Triggerable<K> target) {
      return timers.plain(target);
    }

    @Override
    public <K, N> NamespacedTimerService<K, N> getNamespacedTimerService(
        NamespacedTriggerable<K, N> target, TypeSerializer<N> namespaceSerializer) {
      return timers.namespaced(target, namespaceSerializer);
    }

    @Override
    public long currentProcessingTime() {
      return clock.currentTimeMillis();
    }

    @Override
    public Executor getMailboxExecutor() {
      return mailbox::post;
    }

    @Override
    public ScheduledFuture<?> scheduleAt(long time, Runnable callback) {
      return clock.scheduleAt(time, callback, mailbox::post);
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }

    @Override
    public OperatorStateStore getOperatorStateStore() {
      return operatorState;
    }

    @Override
    public boolean isRestored() {
      return restored;
    }

    @Override
    public boolean isCheckpointingEnabled() {
      return checkpointingEnabled;
    }

    /**
     * Runs mails, waiting up to {@link #YIELD_TIMEOUT} for other threads to post them, until {@code
     * condition} holds: how an operator waits in {@code finish} or at capacity. (Implements the
     * operator context's {@code yieldUntil} where the API declares it.)
     *
     * @throws IllegalStateException if the condition does not hold in time, rather than hanging the
     *     test
     */
    public void yieldUntil(BooleanSupplier condition) {
      try {
        mailbox.runUntil(condition, YIELD_TIMEOUT);
      } catch (TimeoutException e) {
        throw new IllegalStateException(description + " waited in vain: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(description + " was interrupted while waiting", e);
      }
    }
  }
}
