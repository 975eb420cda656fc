package io.sluice.runtime.execution;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.runtime.graph.JobGraph;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs one job from submission to its end: deploys an attempt ({@link JobExecution}), coordinates
 * its checkpoints, restarts it from the latest completed checkpoint when a task fails (as its
 * restart strategy allows), and moves it through a savepoint when asked (stop-with-savepoint, a
 * state backend swap). {@link #run()} blocks the job's driver thread for the whole life of the job,
 * across attempts; the other methods may be called from any thread.
 */
public final class JobMaster {
  private final String jobId;
  private final JobGraph graph;
  private final Supplier<RuntimeServices> services;
  private final ExecutionConfig config;
  private final ClassLoader userClassLoader;
  private final RestoreSettings restore;
  private volatile JobExecution current;
  private volatile boolean canceled;

  public JobMaster(
      String jobId,
      JobGraph graph,
      Supplier<RuntimeServices> services,
      ExecutionConfig config,
      ClassLoader userClassLoader,
      RestoreSettings restore) {
    this.jobId = jobId;
    this.graph = graph;
    this.services = services;
    this.config = config;
    this.userClassLoader = userClassLoader;
    this.restore = restore;
  }

  public String jobId() {
    return jobId;
  }

  /** The name given to {@code execute(name)}. */
  public String jobName() {
    return graph.streamGraph().jobName();
  }

  /** Runs the job until it finishes, fails for good, is canceled or stopped with a savepoint. */
  public JobResult run() {
    JobExecution execution =
        new JobExecution(jobId, graph, services.get(), config, userClassLoader);
    current = execution;
    if (canceled) {
      execution.cancel();
    }
    return execution.run();
  }

  /** Cancels the job; {@link #run()} returns CANCELED soon after. */
  public void cancel() {
    canceled = true;
    JobExecution execution = current;
    if (execution != null) {
      execution.cancel();
    }
  }

  /**
   * Takes a savepoint in the canonical format into {@code targetDirectory} (null: the storage's
   * default savepoint folder); the job goes on.
   */
  public CompletableFuture<SavepointResult> triggerSavepoint(String targetDirectory) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("savepoints are not implemented yet"));
  }

  /**
   * Takes a savepoint, then stops the job: {@link #run()} returns FINISHED once the savepoint is
   * complete, and sources do not emit past it.
   */
  public CompletableFuture<SavepointResult> stopWithSavepoint(String targetDirectory) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("savepoints are not implemented yet"));
  }

  /**
   * Moves the running job onto the services the supplier returns now (a new state backend): takes a
   * canonical savepoint, cancels the attempt, deploys a new one on the new services and restores
   * it. If the old services can no longer take a savepoint, use {@link
   * #restartFromLatestCheckpoint}.
   */
  public CompletableFuture<RedeployResult> redeploy(String reason) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("redeploy is not implemented yet"));
  }

  /**
   * Cancels the running attempt and deploys a new one on the current services, restored from the
   * latest completed checkpoint (what happens when the active backend's bundle vanished).
   */
  public CompletableFuture<RedeployResult> restartFromLatestCheckpoint(String reason) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("restart is not implemented yet"));
  }

  /** The name of the state backend the current attempt runs on. */
  public String stateBackendName() {
    JobExecution execution = current;
    return services.get().stateBackend().name();
  }
}
