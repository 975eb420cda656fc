package io.sluice.spi.shuffle;

/**
 * Names the partition written by one subtask for one job edge group.
 *
 * @param jobId the job
 * @param producerVertexId the producing job vertex (chain)
 * @param producerSubtask the producing subtask index
 */
public record ResultPartitionId(String jobId, int producerVertexId, int producerSubtask) {
  @Override
  public String toString() {
    return jobId + "/" + producerVertexId + "#" + producerSubtask;
  }
}
