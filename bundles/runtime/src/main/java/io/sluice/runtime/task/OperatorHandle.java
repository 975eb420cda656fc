package io.sluice.runtime.task;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.operators.InternalTimerService;
import io.sluice.api.operators.NamespacedTimerService;
import io.sluice.api.operators.NamespacedTriggerable;
import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.api.operators.OperatorContext;
import io.sluice.api.operators.Output;
import io.sluice.api.operators.StreamOperator;
import io.sluice.api.operators.Triggerable;
import io.sluice.api.operators.TwoInputStreamOperator;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.checkpoint.OperatorRestore;
import io.sluice.runtime.checkpoint.TimerFormat;
import io.sluice.runtime.state.DefaultOperatorStateStore;
import io.sluice.runtime.time.KeyedTimerService;
import io.sluice.runtime.time.OperatorTimers;
import io.sluice.runtime.time.ProcessingTimeService;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotKind;
import java.util.function.BooleanSupplier;

/**
 * One operator inside a running subtask: sets the key before each element of a keyed input, fires
 * event-time timers before passing a watermark on, and offers the operator its context. Confined to
 * the task thread.
 */
final class OperatorHandle<IN, OUT> implements OperatorContext {
  private final String name;
  private final TaskInfo task;
  private final StreamOperator<OUT> operator;
  private final OneInputStreamOperator<IN, OUT> oneInput;
  private final TwoInputStreamOperator<IN, Object, OUT> twoInput;
  private final KeySelector<IN, Object> keySelector;
  private KeySelector<Object, Object> keySelector2;
  private final KeyedStateBackend<Object> keyedBackend;
  private final ProcessingTimeService clock;
  private final Mailbox mailbox;
  private final RuntimeContext runtimeContext;
  private final OperatorTimers timers;
  private Output<OUT> output;
  private long currentWatermark = Long.MIN_VALUE;
  private boolean idle;
  private String operatorId;
  private DefaultOperatorStateStore operatorState;
  private OperatorRestore restore;
  private TypeSerializer<Object> keySerializer;
  private boolean checkpointingEnabled;

  @SuppressWarnings("unchecked")
  OperatorHandle(
      String name,
      TaskInfo task,
      StreamOperator<OUT> operator,
      KeySelector<IN, Object> keySelector,
      KeyedStateBackend<Object> keyedBackend,
      ProcessingTimeService clock,
      Mailbox mailbox) {
    this.name = name;
    this.task = task;
    this.operator = operator;
    this.oneInput =
        operator instanceof OneInputStreamOperator<?, ?> one
            ? (OneInputStreamOperator<IN, OUT>) one
            : null;
    this.twoInput =
        operator instanceof TwoInputStreamOperator<?, ?, ?> two
            ? (TwoInputStreamOperator<IN, Object, OUT>) two
            : null;
    this.keySelector = keySelector;
    this.keyedBackend = keyedBackend;
    this.clock = clock;
    this.mailbox = mailbox;
    this.runtimeContext = new OperatorRuntimeContext(task, name, keyedBackend);
    this.timers =
        new OperatorTimers(
            keyedBackend,
            clock,
            mailbox::post,
            this::restoreTimers,
            "Timers need a keyed stream (keyBy); operator '"
                + task.describe(name)
                + "' is not keyed");
  }

  /**
   * Gives the handle its checkpointing identity: operator id, operator state (restored or empty)
   * and, for keyed operators, the key serializer its timers are checkpointed with.
   *
   * @param restore what the operator restores, or null on a fresh start
   */
  void setCheckpointing(
      String operatorId,
      OperatorRestore restore,
      TypeSerializer<Object> keySerializer,
      boolean checkpointingEnabled) {
    this.operatorId = operatorId;
    this.checkpointingEnabled = checkpointingEnabled;
    this.restore = restore;
    this.keySerializer = keySerializer;
    String owner = getOperatorDescription();
    this.operatorState =
        restore == null
            ? DefaultOperatorStateStore.empty(owner)
            : new DefaultOperatorStateStore(owner, restore.operatorState());
  }

  void setup(Output<OUT> output) {
    this.output = output;
    operator.setup(this, output);
  }

  StreamOperator<OUT> operator() {
    return operator;
  }

  /** The key selector of the second input of a keyed two-input operator. */
  void setSecondKeySelector(KeySelector<Object, Object> selector) {
    this.keySelector2 = selector;
  }

  String name() {
    return name;
  }

  /**
   * Processes one element; a failure comes out as an {@link OperatorException} naming this
   * operator.
   */
  void processElement(IN value, long timestamp) {
    try {
      if (keySelector != null) {
        keyedBackend.setCurrentKey(keySelector.getKey(value));
      }
      if (oneInput != null) {
        oneInput.processElement(value, timestamp);
      } else {
        twoInput.processElement1(value, timestamp);
      }
    } catch (OperatorException e) {
      throw e; // raised further down the chain, already named
    } catch (Exception e) {
      throw new OperatorException(getOperatorDescription(), e);
    }
  }

  /** Processes one element of the second input of a two-input operator. */
  void processElement2(Object value, long timestamp) {
    try {
      if (keySelector2 != null) {
        keyedBackend.setCurrentKey(keySelector2.getKey(value));
      }
      twoInput.processElement2(value, timestamp);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(getOperatorDescription(), e);
    }
  }

  /** Fires due event-time timers, then lets the operator see (and forward) the watermark. */
  void processWatermark(long watermark) {
    if (watermark <= currentWatermark) {
      return;
    }
    currentWatermark = watermark;
    try {
      KeyedTimerService<Object> due = timers.orNull();
      if (due != null) {
        due.advanceWatermark(watermark);
      }
      operator.processWatermark(watermark);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(getOperatorDescription(), e);
    }
  }

  /**
   * Passes a change of watermark status (the input went idle or became active) to the operator's
   * output. Operators do not see status: one input's status is the status of what the operator
   * emits, and multi-input combination happens before the head (see {@link NetworkInput}).
   */
  void processWatermarkStatus(boolean nowIdle) {
    if (nowIdle == idle) {
      return;
    }
    idle = nowIdle;
    Outputs.emitWatermarkStatus(output, nowIdle);
  }

  void initializeState() {
    try {
      operator.initializeState();
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(getOperatorDescription(), e);
    }
  }

  /**
   * The synchronous part of this operator's snapshot: the operator copies its values into operator
   * state, then keyed state, operator state and timers are captured as they are now.
   */
  PendingOperatorSnapshot snapshotState(long checkpointId, SnapshotKind kind) {
    KeyedStateSnapshot keyed = null;
    try {
      operator.snapshotState(checkpointId);
      keyed = keyedBackend == null ? null : keyedBackend.snapshot(checkpointId, kind);
      byte[] timerBytes =
          timers.orNull() == null
              ? null
              : TimerFormat.write(timers.orNull(), keySerializer, task.maxParallelism());
      return new PendingOperatorSnapshot(
          operatorId,
          keyed,
          operatorState.snapshot(),
          timerBytes,
          KeyGroups.rangeForOperator(
              task.maxParallelism(), task.parallelism(), task.subtaskIndex()));
    } catch (Exception e) {
      if (keyed != null) {
        keyed.release();
      }
      throw new OperatorException(getOperatorDescription() + " (snapshot " + checkpointId + ")", e);
    }
  }

  void notifyCheckpointComplete(long checkpointId) {
    try {
      operator.notifyCheckpointComplete(checkpointId);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(getOperatorDescription(), e);
    }
  }

  void notifyCheckpointAborted(long checkpointId) {
    try {
      operator.notifyCheckpointAborted(checkpointId);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(getOperatorDescription(), e);
    }
  }

  void open() {
    try {
      operator.open();
    } catch (Exception e) {
      throw new OperatorException(getOperatorDescription(), e);
    }
  }

  void finish() {
    try {
      operator.finish();
    } catch (OperatorException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(getOperatorDescription(), e);
    }
  }

  void close() throws Exception {
    try {
      operator.close();
    } finally {
      if (keyedBackend != null) {
        keyedBackend.close();
      }
    }
  }

  @Override
  public RuntimeContext getRuntimeContext() {
    return runtimeContext;
  }

  @Override
  public String getOperatorDescription() {
    return task.describe(name);
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
  public java.util.concurrent.Executor getMailboxExecutor() {
    return mailbox::post;
  }

  @Override
  public java.util.concurrent.ScheduledFuture<?> scheduleAt(long time, Runnable callback) {
    return clock.scheduleAt(time, callback, mailbox::post);
  }

  @Override
  public long currentWatermark() {
    return currentWatermark;
  }

  @Override
  public void yieldUntil(BooleanSupplier condition) {
    mailbox.yieldUntil(condition);
  }

  @Override
  public io.sluice.api.state.OperatorStateStore getOperatorStateStore() {
    return operatorState;
  }

  @Override
  public boolean isRestored() {
    return restore != null;
  }

  @Override
  public boolean isCheckpointingEnabled() {
    return checkpointingEnabled;
  }

  /** Registers the restored timers of this subtask's key groups (all old pieces are filtered). */
  private void restoreTimers(KeyedTimerService<Object> created) {
    if (restore == null || restore.timers().isEmpty()) {
      return;
    }
    KeyGroupRange range = keyedBackend.getKeyGroupRange();
    for (StateHandle piece : restore.timers()) {
      try (java.io.InputStream in = restore.opener().open(piece)) {
        TimerFormat.restore(in.readAllBytes(), created, keySerializer, range, piece.location());
      } catch (java.io.IOException e) {
        throw new OperatorException(
            getOperatorDescription() + ": timers of " + piece.location() + " do not restore", e);
      }
    }
  }

  /**
   * The operator to hand elements to directly, skipping {@link #processElement}, or null if an
   * element needs more than the call (a key to set, a second input). For {@link ChainedOutput}.
   */
  OneInputStreamOperator<IN, OUT> directInput() {
    return keySelector == null ? oneInput : null;
  }

  /** {@code failure} of this operator, named as {@link #processElement} names it. */
  OperatorException failure(Exception failure) {
    return new OperatorException(getOperatorDescription(), failure);
  }
}
