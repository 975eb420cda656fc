package io.sluice.bench.sluice;

import io.sluice.bench.common.StateBackendKind;
import io.sluice.spi.state.StateBackend;
import io.sluice.state.heap.HeapStateBackend;
import io.sluice.state.rocksdb.CheckpointFormat;
import io.sluice.state.rocksdb.RocksDbStateBackend;
import java.nio.file.Path;

/**
 * Makes the Sluice state backend of a {@link StateBackendKind}, the same way for the engine
 * benchmarks and the checkpoint benchmark. The caller closes it (which releases RocksDB's cache).
 */
public final class SluiceStateBackends {
  private SluiceStateBackends() {}

  /**
   * @param rocksDbDirectory where RocksDB creates its databases (unused for the heap)
   * @param rocksDbMemoryMb RocksDB's block cache, which the memtables are charged against
   * @param checkpointFormat what RocksDB's periodic checkpoints write
   */
  public static StateBackend create(
      StateBackendKind kind,
      Path rocksDbDirectory,
      long rocksDbMemoryMb,
      CheckpointFormat checkpointFormat) {
    return switch (kind) {
      case HEAP -> new HeapStateBackend();
      case ROCKSDB -> new RocksDbStateBackend(rocksDbDirectory, rocksDbMemoryMb, checkpointFormat);
    };
  }

  /**
   * Releases what {@code backend} holds outside the heap (RocksDB's cache); the heap holds none.
   */
  public static void close(StateBackend backend) throws Exception {
    if (backend instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
