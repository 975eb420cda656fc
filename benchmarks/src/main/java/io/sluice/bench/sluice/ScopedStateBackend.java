package io.sluice.bench.sluice;

import io.sluice.bench.common.Folders;
import io.sluice.bench.common.StateBackendKind;
import io.sluice.spi.state.StateBackend;
import io.sluice.state.rocksdb.CheckpointFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A state backend for the jobs of one benchmark run: the heap, or RocksDB in a fresh temporary
 * folder with {@link StateBackendKind#ROCKSDB_MEMORY_MB}. Closing it releases RocksDB's memory and
 * deletes the folder.
 */
public final class ScopedStateBackend implements AutoCloseable {
  private final StateBackend backend;
  private final Path folder;

  private ScopedStateBackend(StateBackend backend, Path folder) {
    this.backend = backend;
    this.folder = folder;
  }

  public static ScopedStateBackend open(StateBackendKind kind) throws IOException {
    Path folder =
        kind == StateBackendKind.ROCKSDB ? Files.createTempDirectory("sluice-bench-rocksdb") : null;
    return new ScopedStateBackend(
        SluiceStateBackends.create(
            kind, folder, StateBackendKind.ROCKSDB_MEMORY_MB, CheckpointFormat.CANONICAL),
        folder);
  }

  public StateBackend backend() {
    return backend;
  }

  @Override
  public void close() throws Exception {
    SluiceStateBackends.close(backend);
    if (folder != null) {
      Folders.deleteRecursively(folder);
    }
  }
}
