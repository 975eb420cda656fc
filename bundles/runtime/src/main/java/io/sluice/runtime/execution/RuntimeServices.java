package io.sluice.runtime.execution;

import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.shuffle.ShuffleSettings;
import io.sluice.spi.state.StateBackend;

/**
 * The plug-ins a job runs on, chosen when it is deployed.
 *
 * @param shuffle moves records between tasks
 * @param stateBackend keeps keyed state
 * @param shuffleSettings buffer sizes
 */
public record RuntimeServices(
    ShuffleService shuffle, StateBackend stateBackend, ShuffleSettings shuffleSettings) {

  public static RuntimeServices of(ShuffleService shuffle, StateBackend stateBackend) {
    return new RuntimeServices(shuffle, stateBackend, ShuffleSettings.defaults());
  }
}
