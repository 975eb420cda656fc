package io.sluice.spi.shuffle;

import java.util.List;

/**
 * Describes the gate to create.
 *
 * @param jobId the job
 * @param consumedPartitions the partitions read, in channel order (channel i reads partition i)
 * @param subpartitionIndex the subpartition read from every partition (the consumer's subtask
 *     index)
 * @param ownerName "operator (i/n)" of the consumer, for errors and metrics
 * @param settings buffer sizes
 */
public record InputGateDescriptor(
    String jobId,
    List<ResultPartitionId> consumedPartitions,
    int subpartitionIndex,
    String ownerName,
    ShuffleSettings settings) {
  public InputGateDescriptor {
    consumedPartitions = List.copyOf(consumedPartitions);
  }
}
