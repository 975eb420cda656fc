package io.sluice.spi.shuffle;

/**
 * Describes the partition to create.
 *
 * @param id the partition
 * @param numberOfSubpartitions one per consuming subtask
 * @param ownerName "operator (i/n)" of the producer, for errors and metrics
 * @param settings buffer sizes
 */
public record ResultPartitionDescriptor(
    ResultPartitionId id, int numberOfSubpartitions, String ownerName, ShuffleSettings settings) {}
