package io.sluice.bench.micro;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.runtime.state.AbstractKeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;

/**
 * A per-key counter in a {@code ValueState<Long>} of a Flink keyed backend, in the void namespace
 * as a keyed function's state is. Confined to one thread; closing it disposes the backend.
 */
final class FlinkCounter implements AutoCloseable {
  private final AbstractKeyedStateBackend<Long> backend;
  private final ValueState<Long> count;
  private final StateKeys keys = new StateKeys();

  private FlinkCounter(AbstractKeyedStateBackend<Long> backend) throws Exception {
    this.backend = backend;
    this.count =
        backend.getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            new ValueStateDescriptor<>("count", LongSerializer.INSTANCE));
  }

  /** A counter in which every one of the {@link StateKeys#COUNT} keys already holds 1. */
  static FlinkCounter filled(AbstractKeyedStateBackend<Long> backend) throws Exception {
    FlinkCounter counter = new FlinkCounter(backend);
    for (int i = 0; i < StateKeys.COUNT; i++) {
      counter.incrementNext();
    }
    return counter;
  }

  /** Selects the next key, reads its count and writes it back plus one; returns the new count. */
  long incrementNext() {
    backend.setCurrentKey(keys.next());
    try {
      Long current = count.value();
      long next = current == null ? 1 : current + 1;
      count.update(next);
      return next;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    backend.dispose();
  }
}
