package io.sluice.bench.checkpoint;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotKind;
import io.sluice.spi.state.SnapshotTarget;
import io.sluice.spi.state.StateBackend;
import io.sluice.spi.state.StateStreamOpener;
import java.io.IOException;
import java.util.List;

/**
 * A state backend that behaves exactly like the one it wraps and records into {@link
 * SnapshotTimings} how long each keyed snapshot takes on the task thread ({@code snapshot}), how
 * long its asynchronous write takes, and how long restores take: the split the checkpoint
 * coordinator does not report.
 */
final class TimedStateBackend implements StateBackend {
  private final StateBackend delegate;
  private final SnapshotTimings timings;

  TimedStateBackend(StateBackend delegate, SnapshotTimings timings) {
    this.delegate = delegate;
    this.timings = timings;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public <K> KeyedStateBackend<K> createKeyedStateBackend(
      KeyedStateBackendParameters<K> parameters) {
    return new Keyed<>(delegate.createKeyedStateBackend(parameters), timings);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  /** Delegates everything; times snapshot, write and restore. Task thread, like its delegate. */
  private static final class Keyed<K> implements KeyedStateBackend<K> {
    private final KeyedStateBackend<K> delegate;
    private final SnapshotTimings timings;

    Keyed(KeyedStateBackend<K> delegate, SnapshotTimings timings) {
      this.delegate = delegate;
      this.timings = timings;
    }

    @Override
    public KeyedStateSnapshot snapshot(long checkpointId, SnapshotKind kind) {
      long start = System.nanoTime();
      KeyedStateSnapshot snapshot = delegate.snapshot(checkpointId, kind);
      timings.addSync(checkpointId, System.nanoTime() - start);
      return new KeyedStateSnapshot() {
        @Override
        public KeyedStateHandle write(SnapshotTarget target) throws IOException {
          long writeStart = System.nanoTime();
          KeyedStateHandle handle = snapshot.write(target);
          timings.addAsync(checkpointId, System.nanoTime() - writeStart);
          long bytes = 0;
          for (StateHandle piece : handle.pieces()) {
            bytes += piece.length();
          }
          timings.addKeyedBytes(checkpointId, bytes);
          return handle;
        }

        @Override
        public void release() {
          snapshot.release();
        }
      };
    }

    @Override
    public void restore(List<KeyedStateHandle> handles, StateStreamOpener opener)
        throws IOException {
      long start = System.nanoTime();
      delegate.restore(handles, opener);
      timings.addRestore(System.nanoTime() - start);
    }

    @Override
    public void setCurrentKey(K key) {
      delegate.setCurrentKey(key);
    }

    @Override
    public K getCurrentKey() {
      return delegate.getCurrentKey();
    }

    @Override
    public int getCurrentKeyGroup() {
      return delegate.getCurrentKeyGroup();
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
      return delegate.getKeyGroupRange();
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
      return delegate.getState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
      return delegate.getListState(descriptor);
    }

    @Override
    public <MK, V> MapState<MK, V> getMapState(MapStateDescriptor<MK, V> descriptor) {
      return delegate.getMapState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
      return delegate.getReducingState(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
        AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
      return delegate.getAggregatingState(descriptor);
    }
  }
}
