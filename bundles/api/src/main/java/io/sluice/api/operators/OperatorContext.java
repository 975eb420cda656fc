package io.sluice.api.operators;

import io.sluice.api.functions.RuntimeContext;
import io.sluice.spi.state.KeyedStateBackend;

/** What the runtime offers an operator in its subtask. Used only from the task thread. */
public interface OperatorContext {
  /** The context handed to the operator's user function. */
  RuntimeContext getRuntimeContext();

  /** "operator name (index+1/parallelism)", for errors. */
  String getOperatorDescription();

  /** The keyed state of this operator, or null if its input is not keyed. */
  KeyedStateBackend<?> getKeyedStateBackend();

  /**
   * The per-key timers of this operator; {@code target} is called (with the timer's key current)
   * when one fires.
   *
   * @throws UnsupportedOperationException with a clear message if the input is not keyed
   */
  <K> InternalTimerService<K> getTimerService(Triggerable<K> target);

  /**
   * The per-key timers of this operator, each carrying a namespace that {@code target} receives
   * when it fires (with the timer's key current). An operator uses either these or {@link
   * #getTimerService}, not both.
   *
   * @param namespaceSerializer writes the namespaces of pending timers into checkpoints
   * @throws UnsupportedOperationException with a clear message if the input is not keyed
   */
  <K, N> NamespacedTimerService<K, N> getNamespacedTimerService(
      NamespacedTriggerable<K, N> target,
      io.sluice.api.typeutils.TypeSerializer<N> namespaceSerializer);

  long currentProcessingTime();

  /**
   * Runs actions on the task thread, between elements: how an operator hands results of other
   * threads (async I/O callbacks) back to itself without locks.
   */
  java.util.concurrent.Executor getMailboxExecutor();

  /**
   * Runs {@code callback} on the task thread once processing time reaches {@code time} (for
   * timeouts and periodic work of non-keyed operators; keyed operators use {@link
   * #getTimerService}).
   */
  java.util.concurrent.ScheduledFuture<?> scheduleAt(long time, Runnable callback);

  long currentWatermark();

  /**
   * Runs the task's mails (completions posted through {@link #getMailboxExecutor}, timers, …) until
   * {@code condition} holds, without taking new input: how an operator that is full (async I/O at
   * capacity) or draining at {@link StreamOperator#finish} waits for other threads' results. Mails
   * run here may call back into operators of the task, as they would between elements.
   *
   * @throws UnsupportedOperationException if this context has no mailbox to run (the runtime's
   *     contexts always have one)
   */
  default void yieldUntil(java.util.function.BooleanSupplier condition) {
    if (!condition.getAsBoolean()) {
      throw new UnsupportedOperationException(
          getOperatorDescription() + ": this operator context cannot run mails while it waits");
    }
  }

  /**
   * The non-keyed state of this operator subtask, checkpointed with it.
   *
   * @throws UnsupportedOperationException if this context keeps no operator state (test harnesses
   *     may not)
   */
  default io.sluice.api.state.OperatorStateStore getOperatorStateStore() {
    throw new UnsupportedOperationException(
        getOperatorDescription() + ": this operator context keeps no operator state");
  }

  /** Whether the subtask was restored from a checkpoint or savepoint. */
  default boolean isRestored() {
    return false;
  }

  /**
   * Whether the job takes checkpoints. Then a two-phase operator commits at {@link
   * StreamOperator#notifyCheckpointComplete} only, including the final notification {@link
   * io.sluice.api.checkpoint.CheckpointListener#END_OF_INPUT_CHECKPOINT_ID} after the whole job
   * reached its end; without checkpoints it commits in {@link StreamOperator#finish}.
   */
  default boolean isCheckpointingEnabled() {
    return false;
  }
}
