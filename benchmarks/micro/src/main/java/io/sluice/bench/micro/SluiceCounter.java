package io.sluice.bench.micro;

import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.spi.state.StateBackend;

/**
 * A per-key counter in a {@code ValueState<Long>} of a Sluice keyed backend, created through the
 * state backend SPI as the runtime's operator chain does (one subtask owning all key groups).
 * Confined to one thread.
 */
final class SluiceCounter implements AutoCloseable {
  private final KeyedStateBackend<Long> backend;
  private final ValueState<Long> count;
  private final StateKeys keys = new StateKeys();

  private SluiceCounter(StateBackend stateBackend) {
    int maxParallelism = KeyGroups.DEFAULT_MAX_PARALLELISM;
    KeyGroupRange allGroups = KeyGroups.rangeForOperator(maxParallelism, 1, 0);
    this.backend =
        stateBackend.createKeyedStateBackend(
            new KeyedStateBackendParameters<>(
                "micro-state",
                "counter",
                0,
                TypeSerializers.forClass(Long.class),
                allGroups,
                maxParallelism));
    this.count = backend.getState(new ValueStateDescriptor<>("count", Long.class));
  }

  /** A counter in which every one of the {@link StateKeys#COUNT} keys already holds 1. */
  static SluiceCounter filled(StateBackend stateBackend) {
    SluiceCounter counter = new SluiceCounter(stateBackend);
    for (int i = 0; i < StateKeys.COUNT; i++) {
      counter.incrementNext();
    }
    return counter;
  }

  /** Selects the next key, reads its count and writes it back plus one; returns the new count. */
  long incrementNext() {
    backend.setCurrentKey(keys.next());
    Long current = count.value();
    long next = current == null ? 1 : current + 1;
    count.update(next);
    return next;
  }

  @Override
  public void close() {
    backend.close();
  }
}
