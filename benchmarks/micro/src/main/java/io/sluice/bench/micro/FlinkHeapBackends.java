package io.sluice.bench.micro;

import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.core.fs.CloseableRegistry;
import org.apache.flink.runtime.state.BackendBuildingException;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.LocalRecoveryConfig;
import org.apache.flink.runtime.state.UncompressedStreamCompressionDecorator;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackendBuilder;
import org.apache.flink.runtime.state.heap.HeapPriorityQueueSetFactory;
import org.apache.flink.runtime.state.metrics.LatencyTrackingStateConfig;
import org.apache.flink.runtime.state.metrics.SizeTrackingStateConfig;
import org.apache.flink.runtime.state.ttl.TtlTimeProvider;

/**
 * Flink's heap keyed backend (what {@code HashMapStateBackend} creates for a task) built directly
 * with its builder, without a task environment: Long keys, 128 key groups all owned by this
 * subtask, no restore, no metrics, no local recovery.
 */
final class FlinkHeapBackends {
  /** Flink's and Sluice's default maximum parallelism, so both spread keys over 128 groups. */
  static final int KEY_GROUPS = 128;

  private FlinkHeapBackends() {}

  static HeapKeyedStateBackend<Long> create() throws BackendBuildingException {
    KeyGroupRange allGroups = KeyGroupRange.of(0, KEY_GROUPS - 1);
    return new HeapKeyedStateBackendBuilder<>(
            null, // no queryable-state registry
            LongSerializer.INSTANCE,
            FlinkHeapBackends.class.getClassLoader(),
            KEY_GROUPS,
            allGroups,
            new ExecutionConfig(),
            TtlTimeProvider.DEFAULT,
            LatencyTrackingStateConfig.disabled(),
            SizeTrackingStateConfig.disabled(),
            List.of(),
            UncompressedStreamCompressionDecorator.INSTANCE,
            LocalRecoveryConfig.BACKUP_AND_RECOVERY_DISABLED,
            new HeapPriorityQueueSetFactory(allGroups, KEY_GROUPS, 128),
            true,
            new CloseableRegistry())
        .build();
  }
}
