package io.sluice.runtime.checkpoint;

import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * What one operator subtask stored in one checkpoint. Every part may be absent.
 *
 * @param keyed its keyed state
 * @param operatorState its operator state (lists, source splits)
 * @param timers its timers, tagged by key group
 * @param keyGroupRange the key groups the subtask owned (for the timers on rescale)
 */
public record OperatorSubtaskState(
    KeyedStateHandle keyed,
    StateHandle operatorState,
    StateHandle timers,
    KeyGroupRange keyGroupRange) {

  /** Every piece this state references. */
  public List<StateHandle> pieces() {
    List<StateHandle> pieces = new ArrayList<>();
    if (keyed != null) {
      pieces.addAll(keyed.pieces());
    }
    if (operatorState != null) {
      pieces.add(operatorState);
    }
    if (timers != null) {
      pieces.add(timers);
    }
    return pieces;
  }
}
