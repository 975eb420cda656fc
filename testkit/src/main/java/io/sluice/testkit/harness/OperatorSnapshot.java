package io.sluice.testkit.harness;

import io.sluice.spi.state.KeyedStateHandle;
import java.util.Map;

/**
 * What a harness keeps of its operator at a checkpoint ({@link OperatorHarness#snapshot}): the
 * operator state, and in keyed harnesses the keyed state as the backend wrote it, with the bytes of
 * its pieces, and the pending timers in the runtime's timer format. Hand it to {@link
 * OperatorHarness#initializeState} of a new harness (with a new operator) to test a restore.
 * Immutable.
 *
 * @param checkpointId the checkpoint it was taken for
 * @param operatorState the operator state lists
 * @param keyedState the keyed state backend's handle, or null in a non-keyed harness
 * @param pieces the bytes of the keyed state's pieces, by location
 * @param timers the timers, or null if the operator never used the timer service
 */
public record OperatorSnapshot(
    long checkpointId,
    OperatorStateSnapshot operatorState,
    KeyedStateHandle keyedState,
    Map<String, byte[]> pieces,
    byte[] timers) {
  public OperatorSnapshot {
    pieces = Map.copyOf(pieces);
  }
}
