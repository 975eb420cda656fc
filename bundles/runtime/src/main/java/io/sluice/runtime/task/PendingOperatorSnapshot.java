package io.sluice.runtime.task;

import io.sluice.runtime.state.RestoredList;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateSnapshot;
import java.util.Map;

/**
 * The synchronous part of one operator's snapshot, taken on the task thread and written out
 * afterwards on the asynchronous writer.
 *
 * @param keyed the keyed backend's view, or null
 * @param operatorState operator state as bytes (empty if none)
 * @param timers serialized timers, or null
 */
record PendingOperatorSnapshot(
    String operatorId,
    KeyedStateSnapshot keyed,
    Map<String, RestoredList> operatorState,
    byte[] timers,
    KeyGroupRange keyGroupRange) {

  void release() {
    if (keyed != null) {
      keyed.release();
    }
  }
}
