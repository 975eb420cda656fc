package io.sluice.state.rocksdb;

import io.sluice.checkpoint.fs.FsCheckpointStorage;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import io.sluice.spi.state.CheckpointStorageTarget;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotKind;
import io.sluice.spi.state.SnapshotTarget;
import io.sluice.state.heap.HeapKeyedStateBackend;
import io.sluice.state.heap.HeapStateBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots and restores through one {@link FsCheckpointStorage}, the way a task does it: the
 * synchronous part, then the write, then release; counts the shared pieces written.
 */
final class SnapshotHarness {
  final FsCheckpointStorage storage;
  int sharedPiecesWritten;

  SnapshotHarness(Path directory) {
    this.storage = new FsCheckpointStorage(directory);
  }

  KeyedStateHandle snapshot(KeyedStateBackend<String> backend, long id, SnapshotKind kind)
      throws IOException {
    KeyedStateSnapshot snapshot = backend.snapshot(id, kind);
    try {
      return write(snapshot, backend, id, kind);
    } finally {
      snapshot.release();
    }
  }

  KeyedStateHandle write(
      KeyedStateSnapshot snapshot, KeyedStateBackend<String> backend, long id, SnapshotKind kind)
      throws IOException {
    int subtask = backend.getKeyGroupRange().startKeyGroup();
    return snapshot.write(
        new CountingTarget(
            new CheckpointStorageTarget(
                storage, Backends.JOB, id, kind, Backends.OPERATOR, subtask)));
  }

  /** Commits a checkpoint of the given handles (all their pieces), as the coordinator does. */
  void commit(long id, KeyedStateHandle... handles) throws IOException {
    List<StateHandle> pieces = new ArrayList<>();
    for (KeyedStateHandle handle : handles) {
      pieces.addAll(handle.pieces());
    }
    storage.commitMetadata(Backends.JOB, id, pieces, new byte[0]);
  }

  <B extends KeyedStateBackend<String>> B restore(B backend, List<KeyedStateHandle> handles)
      throws IOException {
    backend.restore(handles, storage::openStateStream);
    return backend;
  }

  static HeapKeyedStateBackend<String> heap(int parallelism, int subtask) {
    return (HeapKeyedStateBackend<String>)
        new HeapStateBackend().createKeyedStateBackend(Backends.parameters(parallelism, subtask));
  }

  /** The keys holding {@code state} in a heap or RocksDB backend. */
  static List<String> keys(KeyedStateBackend<String> backend, String state) {
    List<String> keys = new ArrayList<>();
    if (backend instanceof HeapKeyedStateBackend<String> heap) {
      heap.keys(state).forEach(keys::add);
    } else {
      keys.addAll(((RocksDbKeyedStateBackend<String>) backend).keys(state));
    }
    return keys;
  }

  /** Counts shared pieces on their way to the storage. */
  private final class CountingTarget implements SnapshotTarget {
    private final SnapshotTarget target;

    CountingTarget(SnapshotTarget target) {
      this.target = target;
    }

    @Override
    public long checkpointId() {
      return target.checkpointId();
    }

    @Override
    public SnapshotKind kind() {
      return target.kind();
    }

    @Override
    public StateOutputStream createPiece(String name) throws IOException {
      return target.createPiece(name);
    }

    @Override
    public StateOutputStream createSharedPiece(String name) throws IOException {
      sharedPiecesWritten++;
      return target.createSharedPiece(name);
    }
  }
}
