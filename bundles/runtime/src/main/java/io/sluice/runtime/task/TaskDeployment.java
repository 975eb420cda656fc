package io.sluice.runtime.task;

import io.sluice.runtime.graph.JobVertex;
import io.sluice.runtime.graph.StreamGraph;
import io.sluice.runtime.source.SourceCoordinator;
import io.sluice.runtime.time.ProcessingTimeService;
import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.state.StateBackend;
import java.util.Map;

/**
 * Everything one subtask needs to run.
 *
 * @param info who the subtask is
 * @param graph the job's operators
 * @param vertex the chain this subtask runs
 * @param inputGates the gates of a non-source chain, one per input of the head (empty for a source)
 * @param partitions the partition of each network output edge, by edge id
 * @param sourceCoordinator the coordinator of a source chain, else null
 * @param services job-wide services
 */
public record TaskDeployment(
    TaskInfo info,
    StreamGraph graph,
    JobVertex vertex,
    java.util.List<InputGate> inputGates,
    Map<Integer, ResultPartitionWriter> partitions,
    SourceCoordinator<?> sourceCoordinator,
    Services services) {

  /** The restored state of the chain's operator {@code operatorId}, or null (fresh start). */
  public io.sluice.runtime.checkpoint.OperatorRestore restoreOf(String operatorId) {
    io.sluice.runtime.checkpoint.RestorePlan plan = services.checkpointing().restore();
    return plan == null
        ? null
        : plan.forOperator(operatorId, info.subtaskIndex(), info.parallelism());
  }

  /**
   * Services shared by the subtasks of a job.
   *
   * @param stateBackend keyed state
   * @param clock processing time and timers
   * @param bufferTimeoutMillis output flush interval; 0 = after every record
   * @param watermarkIntervalMillis periodic watermark emission of sources
   * @param listener told when each subtask finishes or fails
   * @param checkpointing checkpoint storage, coordinator and restore plan
   */
  public record Services(
      StateBackend stateBackend,
      ProcessingTimeService clock,
      long bufferTimeoutMillis,
      long watermarkIntervalMillis,
      TaskListener listener,
      TaskCheckpointing checkpointing) {}
}
