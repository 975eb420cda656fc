package io.sluice.spi.shuffle;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Moves serialized records between the subtasks of a job. Registered as an OSGi service by a
 * shuffle bundle (local, Netty) with the service property {@value #NAME_PROPERTY}; the runtime
 * selects one by the configured {@code shuffle.service}, falling back to the highest service
 * ranking.
 *
 * <p>The runtime creates every result partition of a job before any input gate, so a gate can find
 * the partitions it reads; it releases them all with {@link #releaseJob(String)}.
 */
@ProviderType
public interface ShuffleService {

  /** Service property naming the shuffle ("local", "netty"). */
  String NAME_PROPERTY = "sluice.shuffle.service";

  /** The name users select the shuffle by, equal to the service property. */
  String name();

  /** Creates the partition one producing subtask writes, with one subpartition per consumer. */
  ResultPartitionWriter createResultPartition(ResultPartitionDescriptor descriptor);

  /** Creates the gate one consuming subtask reads, with one channel per producing partition. */
  InputGate createInputGate(InputGateDescriptor descriptor);

  /**
   * Releases every partition and gate of the job that is still held (after finish, cancel or
   * failure).
   */
  void releaseJob(String jobId);
}
