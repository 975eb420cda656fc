package io.sluice.bench.micro;

import java.io.File;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.core.fs.CloseableRegistry;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.memory.OpaqueMemoryResource;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.LocalRecoveryConfig;
import org.apache.flink.runtime.state.UncompressedStreamCompressionDecorator;
import org.apache.flink.runtime.state.metrics.LatencyTrackingStateConfig;
import org.apache.flink.runtime.state.metrics.SizeTrackingStateConfig;
import org.apache.flink.runtime.state.ttl.TtlTimeProvider;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend.PriorityQueueStateType;
import org.apache.flink.state.rocksdb.PredefinedOptions;
import org.apache.flink.state.rocksdb.RocksDBKeyedStateBackend;
import org.apache.flink.state.rocksdb.RocksDBKeyedStateBackendBuilder;
import org.apache.flink.state.rocksdb.RocksDBMemoryControllerUtils;
import org.apache.flink.state.rocksdb.RocksDBPriorityQueueConfig;
import org.apache.flink.state.rocksdb.RocksDBResourceContainer;
import org.rocksdb.RocksDB;

/**
 * Flink's RocksDB keyed backend (what {@code EmbeddedRocksDBStateBackend} creates for a task) built
 * directly with its builder, without a task environment: Long keys, 128 key groups, and the same
 * memory budget as Sluice's RocksDB benchmark (block cache and memtables share {@value
 * #MEMORY_BUDGET_MB} MB, as Flink does with managed memory). Closing it closes the resources.
 */
final class FlinkRocksDbBackend implements AutoCloseable {
  static final long MEMORY_BUDGET_MB = 64;

  /** Flink's defaults for managed memory: half for memtables, a tenth for index and filters. */
  private static final double WRITE_BUFFER_RATIO = 0.5;

  private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

  private final RocksDBResourceContainer resources;
  private final RocksDBKeyedStateBackend<Long> backend;

  FlinkRocksDbBackend(File directory) throws Exception {
    RocksDB.loadLibrary();
    this.resources = new RocksDBResourceContainer(PredefinedOptions.DEFAULT, null, sharedMemory());
    KeyGroupRange allGroups = KeyGroupRange.of(0, FlinkHeapBackends.KEY_GROUPS - 1);
    this.backend =
        new RocksDBKeyedStateBackendBuilder<>(
                "counter",
                FlinkRocksDbBackend.class.getClassLoader(),
                directory,
                resources,
                stateName -> resources.getColumnOptions(),
                null, // no queryable-state registry
                LongSerializer.INSTANCE,
                FlinkHeapBackends.KEY_GROUPS,
                allGroups,
                new ExecutionConfig(),
                LocalRecoveryConfig.BACKUP_AND_RECOVERY_DISABLED,
                RocksDBPriorityQueueConfig.buildWithPriorityQueueType(PriorityQueueStateType.HEAP),
                TtlTimeProvider.DEFAULT,
                LatencyTrackingStateConfig.disabled(),
                SizeTrackingStateConfig.disabled(),
                new UnregisteredMetricsGroup(),
                (metric, value) -> {},
                List.of(),
                UncompressedStreamCompressionDecorator.INSTANCE,
                new CloseableRegistry())
            .build();
  }

  /**
   * Block cache and write buffer manager of {@value #MEMORY_BUDGET_MB} MB, as Flink allocates them
   * from a slot's managed memory. Raw types: the resource class is package-private in Flink.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static OpaqueMemoryResource sharedMemory() {
    long budget = MEMORY_BUDGET_MB * 1024 * 1024;
    AutoCloseable shared =
        RocksDBMemoryControllerUtils.allocateRocksDBSharedResources(
            budget,
            WRITE_BUFFER_RATIO,
            HIGH_PRIORITY_POOL_RATIO,
            false,
            RocksDBMemoryControllerUtils.RocksDBMemoryFactory.DEFAULT);
    return new OpaqueMemoryResource(shared, budget, shared::close);
  }

  RocksDBKeyedStateBackend<Long> backend() {
    return backend;
  }

  @Override
  public void close() throws Exception {
    backend.dispose();
    resources.close();
  }
}
