package io.sluice.runtime.execution;

import io.sluice.runtime.taskexecutor.TaskExecutor;
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
 */
public record RuntimeServices(
    ShuffleService shuffle,
    StateBackend stateBackend,
    ShuffleSettings shuffleSettings,
    TaskExecutor taskExecutor) {

  /** Services with default buffer sizes and a task executor of {@code slots} slots. */
  public static RuntimeServices of(ShuffleService shuffle, StateBackend stateBackend, int slots) {
    return new RuntimeServices(
        shuffle, stateBackend, ShuffleSettings.defaults(), new TaskExecutor("local", slots));
  }
}
