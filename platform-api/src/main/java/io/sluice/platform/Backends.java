package io.sluice.platform;

import java.util.List;

/**
 * Which plug-ins the runtime has selected and which it could select ({@code sluice backend}). The
 * configured name (Config Admin PID {@code io.sluice.runtime}) wins when a service of that name is
 * registered; otherwise the one with the highest service ranking is selected.
 *
 * @param configuredStateBackend the {@code state.backend} setting, or null if unset
 * @param stateBackend the selected state backend, or null if none is registered
 * @param stateBackends the names of every registered state backend, sorted
 * @param configuredCheckpointStorage the {@code checkpoint.storage} setting
 * @param checkpointStorage the selected checkpoint storage, or null if none is registered
 * @param checkpointStorages the names of every registered checkpoint storage, sorted
 */
public record Backends(
    String configuredStateBackend,
    String stateBackend,
    List<String> stateBackends,
    String configuredCheckpointStorage,
    String checkpointStorage,
    List<String> checkpointStorages) {
  public Backends {
    stateBackends = List.copyOf(stateBackends);
    checkpointStorages = List.copyOf(checkpointStorages);
  }
}
