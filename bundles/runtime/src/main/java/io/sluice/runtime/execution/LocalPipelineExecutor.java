package io.sluice.runtime.execution;

import io.sluice.api.JobExecutionException;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.Pipeline;
import io.sluice.api.PipelineExecutor;
import io.sluice.api.graph.OneInputTransformation;
import io.sluice.api.graph.TwoInputTransformation;
import io.sluice.api.typeutils.InvalidTypesException;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.JobGraphCompiler;
import io.sluice.runtime.graph.JobValidationException;
import io.sluice.runtime.graph.JobVertex;
import io.sluice.runtime.graph.StreamEdge;
import io.sluice.runtime.graph.StreamGraph;
import io.sluice.runtime.graph.StreamGraphBuilder;
import io.sluice.runtime.graph.StreamNode;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs pipelines of one job inside this JVM: compiles the graph, checks that every type crossing
 * the network and every key can be serialized, then runs a {@link JobExecution}.
 */
public final class LocalPipelineExecutor implements PipelineExecutor {
  private final String jobId;
  private final Supplier<RuntimeServices> services;
  private final ClassLoader userClassLoader;
  private final Consumer<JobMaster> onDeploy;
  private final RestoreSettings restore;

  /**
   * @param jobId the job the pipelines belong to
   * @param services the plug-ins to run on, looked up at each execute
   * @param userClassLoader the job bundle's class loader
   * @param onDeploy told of the job master before the job starts (to cancel it, take savepoints)
   */
  public LocalPipelineExecutor(
      String jobId,
      Supplier<RuntimeServices> services,
      ClassLoader userClassLoader,
      Consumer<JobMaster> onDeploy) {
    this(jobId, services, userClassLoader, onDeploy, RestoreSettings.NONE);
  }

  /**
   * @param restore the savepoint the job starts from, if any
   */
  public LocalPipelineExecutor(
      String jobId,
      Supplier<RuntimeServices> services,
      ClassLoader userClassLoader,
      Consumer<JobMaster> onDeploy,
      RestoreSettings restore) {
    this.restore = restore;
    this.jobId = jobId;
    this.services = services;
    this.userClassLoader = userClassLoader;
    this.onDeploy = onDeploy;
  }

  @Override
  public JobResult execute(Pipeline pipeline) throws JobExecutionException {
    JobGraph graph;
    try {
      graph = compile(pipeline);
    } catch (RuntimeException e) {
      JobResult result =
          new JobResult(jobId, pipeline.jobName(), JobStatus.FAILED, Duration.ZERO, e);
      throw new JobExecutionException(result);
    }
    JobMaster master =
        new JobMaster(jobId, graph, services, pipeline.config(), userClassLoader, restore);
    onDeploy.accept(master);
    JobResult result = master.run();
    if (result.status() == JobStatus.FAILED) {
      throw new JobExecutionException(result);
    }
    return result;
  }

  /** Builds and validates the job graph; errors name the operator and the type. */
  public static JobGraph compile(Pipeline pipeline) {
    StreamGraph streamGraph = StreamGraphBuilder.build(pipeline);
    JobGraph jobGraph = JobGraphCompiler.compile(streamGraph);
    validateTypes(jobGraph);
    return jobGraph;
  }

  private static void validateTypes(JobGraph graph) {
    for (JobVertex vertex : graph.vertices()) {
      for (StreamEdge edge : vertex.outputs()) {
        try {
          if (edge.sideOutput() != null) {
            TypeSerializers.forType(edge.sideOutput().getType());
          } else {
            graph.streamGraph().node(edge.source()).transformation().getOutputSerializer();
          }
        } catch (InvalidTypesException e) {
          throw new JobValidationException(e.getMessage(), e);
        }
      }
    }
    for (StreamNode node : graph.streamGraph().allNodes()) {
      java.lang.reflect.Type keyType =
          node.transformation() instanceof OneInputTransformation<?, ?> one
              ? one.getStateKeyType()
              : node.transformation() instanceof TwoInputTransformation<?, ?, ?> two
                  ? two.getStateKeyType()
                  : null;
      if (keyType != null) {
        try {
          TypeSerializers.forType(keyType);
        } catch (InvalidTypesException e) {
          throw new JobValidationException(
              "The key of operator '" + node.name() + "' cannot be serialized: " + e.getMessage(),
              e);
        }
      }
    }
  }
}
