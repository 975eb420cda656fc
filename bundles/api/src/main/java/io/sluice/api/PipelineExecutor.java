package io.sluice.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a pipeline to its end; implemented by the runtime, which hands an environment bound to it to
 * every job.
 */
@ProviderType
public interface PipelineExecutor {
  /**
   * Runs the pipeline and blocks until it ends.
   *
   * @return the result when the job FINISHED or was CANCELED
   * @throws JobExecutionException when the job FAILED
   */
  JobResult execute(Pipeline pipeline) throws JobExecutionException;
}
