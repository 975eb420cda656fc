package io.sluice.runtime.checkpoint;

import io.sluice.runtime.state.RestoredList;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.StateStreamOpener;
import java.util.List;
import java.util.Map;

/**
 * What one operator subtask restores: the keyed state handles that overlap its key groups, its
 * share of the operator state, and the timer pieces to filter by key group.
 *
 * @param opener opens the pieces (the storage that holds the checkpoint)
 */
public record OperatorRestore(
    List<KeyedStateHandle> keyed,
    Map<String, RestoredList> operatorState,
    List<StateHandle> timers,
    StateStreamOpener opener) {
  public OperatorRestore {
    keyed = List.copyOf(keyed);
    operatorState = Map.copyOf(operatorState);
    timers = List.copyOf(timers);
  }
}
