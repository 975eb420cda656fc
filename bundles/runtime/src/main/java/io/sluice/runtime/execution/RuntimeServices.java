package io.sluice.runtime.execution;

import io.sluice.runtime.taskexecutor.TaskExecutor;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.shuffle.ShuffleSettings;
import io.sluice.spi.state.StateBackend;

/**
 * The plug-ins a job runs on, chosen when it is deployed.
 *
 * @param shuffle moves records between tasks
 * @param stateBackend keeps keyed state
 * @param shuffleSettings buffer sizes
 * @param taskExecutor the slots subtasks are deployed into
 * @param checkpointStorage where checkpoints and savepoints go; null when none is installed (then a
 *     job that enables checkpointing fails with a clear message)
 */
public record RuntimeServices(
    ShuffleService shuffle,
    StateBackend stateBackend,
    ShuffleSettings shuffleSettings,
    TaskExecutor taskExecutor,
    CheckpointStorage checkpointStorage) {

  /** Services with default buffer sizes and a task executor of {@code slots} slots. */
  public static RuntimeServices of(ShuffleService shuffle, StateBackend stateBackend, int slots) {
    return of(shuffle, stateBackend, slots, null);
  }

  /** Services with default buffer sizes, {@code slots} slots and a checkpoint storage. */
  public static RuntimeServices of(
      ShuffleService shuffle,
      StateBackend stateBackend,
      int slots,
      CheckpointStorage checkpointStorage) {
    return new RuntimeServices(
        shuffle,
        stateBackend,
        ShuffleSettings.defaults(),
        new TaskExecutor("local", slots),
        checkpointStorage);
  }
}
