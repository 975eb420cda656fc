package io.sluice.bench.flink;

import io.sluice.bench.common.StateBackendKind;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * Selects Flink's state backend of a {@link StateBackendKind} in a cluster configuration, the same
 * way for the engine benchmarks and the checkpoint benchmark.
 */
public final class FlinkStateBackends {
  private FlinkStateBackends() {}

  /**
   * Sets {@code hashmap} or {@code rocksdb} ({@code EmbeddedRocksDBStateBackend}).
   *
   * @param rocksDbMemoryMb the task manager's managed memory, which RocksDB takes its memory from:
   *     the same budget Sluice's RocksDB backend gets
   * @param incremental whether RocksDB checkpoints are incremental
   */
  public static Configuration configure(
      Configuration conf, StateBackendKind kind, long rocksDbMemoryMb, boolean incremental) {
    conf.set(
        StateBackendOptions.STATE_BACKEND,
        switch (kind) {
          case HEAP -> "hashmap";
          case ROCKSDB -> "rocksdb";
        });
    conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, incremental);
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(rocksDbMemoryMb));
    return conf;
  }
}
