package io.sluice.runtime.execution;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.runtime.checkpoint.CheckpointCoordinator;
import io.sluice.runtime.checkpoint.CheckpointMetadata;
import io.sluice.runtime.checkpoint.CompletedCheckpointInfo;
import io.sluice.runtime.checkpoint.RestorePlan;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.checkpoint.CompletedCheckpoint;
import io.sluice.spi.checkpoint.LatestValid;
import io.sluice.spi.checkpoint.SkippedCheckpoint;
import io.sluice.spi.state.SnapshotKind;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs one job from submission to its end: deploys an attempt ({@link JobExecution}), coordinates
 * its checkpoints, restarts it from the latest completed checkpoint when a task fails (as its
 * restart strategy allows), and moves it through a savepoint when asked (stop-with-savepoint, a
 * state backend swap). {@link #run()} blocks the job's driver thread for the whole life of the job,
 * across attempts; the other methods may be called from any thread.
 */
public final class JobMaster {
  private static final System.Logger LOG = System.getLogger(JobMaster.class.getName());
  private static final long NOTIFY_WAIT_SECONDS = 30;

  private final String jobId;
  private final JobGraph graph;
  private final Supplier<RuntimeServices> services;
  private final ExecutionConfig config;
  private final ClassLoader userClassLoader;
  private final RestoreSettings restore;
  private final AtomicReference<Redeploy> redeploy = new AtomicReference<>();
  private final CountDownLatch canceledLatch = new CountDownLatch(1);
  private volatile JobExecution current;
  private volatile CheckpointCoordinator coordinator;
  private volatile boolean canceled;
  private volatile boolean stopped;
  private volatile int restarts;
  private volatile long restoredCheckpointId = -1;

  /** A requested move to a new deployment, and how to restore it. */
  private record Redeploy(
      String reason,
      CompletedCheckpointInfo savepoint,
      String oldBackend,
      long startNanos,
      CompletableFuture<RedeployResult> result) {}

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

  /** How many times the job was restarted after a failure. */
  public int restarts() {
    return restarts;
  }

  /** The id of the checkpoint or savepoint the current attempt started from, or -1. */
  public long restoredCheckpointId() {
    return restoredCheckpointId;
  }

  /**
   * Takes a checkpoint now (besides the periodic ones); completes with it, or fails with the reason
   * it was aborted.
   */
  public CompletableFuture<CompletedCheckpointInfo> triggerCheckpoint() {
    CheckpointCoordinator checkpoints = coordinator;
    if (checkpoints == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("the job is not running"));
    }
    return checkpoints.trigger(SnapshotKind.CHECKPOINT, null, false);
  }

  /** The newest completed checkpoint or savepoint, or null. */
  public CompletedCheckpointInfo latestCheckpoint() {
    CheckpointCoordinator c = coordinator;
    return c == null ? null : c.latestCompleted();
  }

  /** Runs the job until it finishes, fails for good, is canceled or stopped with a savepoint. */
  public JobResult run() {
    long start = System.nanoTime();
    RuntimeServices deployed = services.get();
    CheckpointCoordinator checkpoints =
        new CheckpointCoordinator(
            jobId,
            config.checkpointConfig(),
            deployed.checkpointStorage(),
            graph.streamGraph().maxParallelism(),
            this::failCurrent);
    coordinator = checkpoints;
    try {
      RestorePlan plan;
      try {
        plan = initialRestore(deployed);
      } catch (Exception e) {
        return new JobResult(
            jobId,
            jobName(),
            JobStatus.FAILED,
            Duration.ofNanos(System.nanoTime() - start),
            new IllegalStateException(
                "Job '"
                    + jobName()
                    + "' cannot start from "
                    + restore.path()
                    + ": "
                    + e.getMessage(),
                e));
      }
      checkpoints.startPeriodic();
      Redeploy deploying = null; // the move the next attempt completes once it runs
      while (true) {
        if (plan != null) {
          checkpoints.continueAfter(plan.checkpointId());
        }
        Redeploy pendingRedeploy = deploying;
        long restoredId = plan == null ? -1 : plan.checkpointId();
        restoredCheckpointId = restoredId;
        JobExecution execution =
            new JobExecution(
                jobId,
                graph,
                deployed,
                config,
                userClassLoader,
                checkpoints,
                plan,
                running -> {
                  if (pendingRedeploy != null) {
                    pendingRedeploy
                        .result()
                        .complete(
                            new RedeployResult(
                                pendingRedeploy.savepoint() == null
                                    ? null
                                    : pendingRedeploy.savepoint().path(),
                                restoredId,
                                pendingRedeploy.oldBackend(),
                                running.stateBackendName(),
                                Duration.ofNanos(
                                    System.nanoTime() - pendingRedeploy.startNanos())));
                  }
                });
        current = execution;
        if (canceled) {
          execution.cancel();
        }
        JobResult result = execution.run();
        if (deploying != null && !deploying.result().isDone()) {
          // The moved attempt ended before it ran: the move failed (the failure is handled below).
          deploying
              .result()
              .completeExceptionally(
                  new IllegalStateException(
                      "the job could not be deployed on the new services: " + result.failure(),
                      result.failure()));
        }
        deploying = null;
        Redeploy next = redeploy.getAndSet(null);
        if (canceled) {
          return withDuration(result, JobStatus.CANCELED, null, start);
        }
        if (stopped) {
          return withDuration(result, JobStatus.FINISHED, null, start);
        }
        if (next != null) {
          deployed = services.get();
          try {
            plan =
                next.savepoint() != null
                    ? planOf(next.savepoint(), deployed)
                    : latestPlan(deployed);
          } catch (Exception e) {
            next.result().completeExceptionally(e);
            return withDuration(result, JobStatus.FAILED, e, start);
          }
          LOG.log(System.Logger.Level.INFO, "Job " + jobId + " redeploys: " + next.reason());
          deploying = next;
          continue;
        }
        if (result.status() != JobStatus.FAILED) {
          return withDuration(result, result.status(), result.failure(), start);
        }
        OptionalLong delay =
            config.effectiveRestartStrategy().delayMillisBeforeAttempt(restarts + 1);
        if (delay.isEmpty()) {
          Throwable error = result.failure();
          if (restarts > 0) {
            error =
                new IllegalStateException(
                    "Job '" + jobName() + "' failed after " + restarts + " restarts: " + error,
                    error);
          }
          return withDuration(result, JobStatus.FAILED, error, start);
        }
        restarts++;
        LOG.log(
            System.Logger.Level.WARNING,
            "Job "
                + jobId
                + " failed ("
                + result.failure()
                + "); restart "
                + restarts
                + " in "
                + delay.getAsLong()
                + " ms");
        if (canceledLatch.await(delay.getAsLong(), TimeUnit.MILLISECONDS)) {
          return withDuration(result, JobStatus.CANCELED, null, start);
        }
        deployed = services.get();
        try {
          RestorePlan latest = latestPlan(deployed);
          if (latest != null) {
            plan = latest;
          } // else: no checkpoint completed yet, start again from the initial plan
        } catch (Exception e) {
          return withDuration(result, JobStatus.FAILED, e, start);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new JobResult(
          jobId, jobName(), JobStatus.CANCELED, Duration.ofNanos(System.nanoTime() - start), null);
    } finally {
      Redeploy left = redeploy.getAndSet(null);
      if (left != null) {
        left.result().completeExceptionally(new IllegalStateException("the job has ended"));
      }
      checkpoints.close();
    }
  }

  /** Cancels the job; {@link #run()} returns CANCELED soon after. */
  public void cancel() {
    canceled = true;
    canceledLatch.countDown();
    JobExecution execution = current;
    if (execution != null) {
      execution.cancel();
    }
  }

  /**
   * Takes a savepoint in the canonical format into {@code targetDirectory} (null: the folder named
   * by the system property {@code sluice.savepoints.dir}); the job goes on.
   */
  public CompletableFuture<SavepointResult> triggerSavepoint(String targetDirectory) {
    return savepoint(targetDirectory, false)
        .thenApply(info -> new SavepointResult(info.path(), info.checkpointId(), info.duration()));
  }

  /**
   * Takes a savepoint, then stops the job: sources emit nothing after the savepoint's barrier, the
   * sinks commit what the savepoint covers, and {@link #run()} returns FINISHED.
   */
  public CompletableFuture<SavepointResult> stopWithSavepoint(String targetDirectory) {
    return savepoint(targetDirectory, true)
        .thenApply(
            info -> {
              awaitNotified(info);
              stopped = true;
              JobExecution execution = current;
              if (execution != null) {
                execution.cancel();
              }
              return new SavepointResult(info.path(), info.checkpointId(), info.duration());
            });
  }

  /**
   * Moves the running job onto the services the supplier returns now (a new state backend): takes a
   * canonical savepoint into the checkpoint storage, stops the attempt, deploys a new one on the
   * new services and restores it. The future completes once the new attempt runs.
   */
  public CompletableFuture<RedeployResult> redeploy(String reason) {
    long startNanos = System.nanoTime();
    JobExecution execution = current;
    CheckpointCoordinator checkpoints = coordinator;
    if (execution == null || checkpoints == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("the job is not running"));
    }
    String oldBackend = execution.stateBackendName();
    return checkpoints
        .trigger(SnapshotKind.SAVEPOINT, null, true)
        .thenCompose(
            info -> {
              awaitNotified(info);
              return requestRedeploy(
                  new Redeploy(reason, info, oldBackend, startNanos, new CompletableFuture<>()));
            });
  }

  /**
   * Cancels the running attempt and deploys a new one on the current services, restored from the
   * latest completed checkpoint (what happens when the active backend's bundle vanished).
   */
  public CompletableFuture<RedeployResult> restartFromLatestCheckpoint(String reason) {
    JobExecution execution = current;
    String oldBackend = execution == null ? "none" : execution.stateBackendName();
    return requestRedeploy(
        new Redeploy(reason, null, oldBackend, System.nanoTime(), new CompletableFuture<>()));
  }

  /** The name of the state backend the current attempt runs on. */
  public String stateBackendName() {
    JobExecution execution = current;
    return execution != null ? execution.stateBackendName() : services.get().stateBackend().name();
  }

  private CompletableFuture<RedeployResult> requestRedeploy(Redeploy request) {
    if (!redeploy.compareAndSet(null, request)) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the job is already being redeployed"));
    }
    JobExecution execution = current;
    if (execution != null) {
      execution.cancel();
    }
    return request.result();
  }

  private CompletableFuture<CompletedCheckpointInfo> savepoint(
      String targetDirectory, boolean stopSources) {
    CheckpointCoordinator checkpoints = coordinator;
    if (checkpoints == null || checkpoints.storage() == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "no checkpoint storage is installed; savepoints need one (the checkpoint-fs bundle)"));
    }
    String directory =
        targetDirectory != null ? targetDirectory : System.getProperty("sluice.savepoints.dir");
    if (directory == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "no savepoint directory given and sluice.savepoints.dir is not set"));
    }
    CheckpointStorage target;
    try {
      target = checkpoints.storage().atDirectory(directory);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "cannot write savepoints into " + directory + ": " + e.getMessage(), e));
    }
    return checkpoints.trigger(SnapshotKind.SAVEPOINT, target, stopSources);
  }

  private static void awaitNotified(CompletedCheckpointInfo info) {
    try {
      info.notified().get(NOTIFY_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "not every subtask confirmed checkpoint " + info.checkpointId() + ": " + e);
    }
  }

  private void failCurrent(Throwable cause) {
    JobExecution execution = current;
    if (execution != null) {
      execution.failWith(cause);
    }
  }

  private RestorePlan initialRestore(RuntimeServices deployed) throws Exception {
    if (!restore.isRestore()) {
      return null;
    }
    CheckpointStorage storage = deployed.checkpointStorage();
    if (storage == null) {
      throw new IllegalStateException(
          "no checkpoint storage is installed to read the savepoint (the checkpoint-fs bundle)");
    }
    CheckpointStorage.OpenedCheckpoint opened = storage.openCompleted(restore.path());
    return plan(
        opened.checkpoint(), opened.storage(), restore.allowNonRestoredState(), restore.path());
  }

  private RestorePlan planOf(CompletedCheckpointInfo info, RuntimeServices deployed)
      throws Exception {
    CheckpointStorage.OpenedCheckpoint opened =
        deployed.checkpointStorage().openCompleted(info.path());
    return plan(opened.checkpoint(), opened.storage(), false, info.path());
  }

  /** The latest valid checkpoint of this job, or null if none completed. */
  private RestorePlan latestPlan(RuntimeServices deployed) throws Exception {
    CheckpointStorage storage = deployed.checkpointStorage();
    if (storage == null) {
      return null;
    }
    LatestValid latest = storage.latestValid(jobId);
    for (SkippedCheckpoint skipped : latest.skipped()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Job "
              + jobId
              + ": skipping checkpoint "
              + skipped.checkpointId()
              + ": "
              + skipped.reason());
    }
    if (latest.checkpoint().isEmpty()) {
      return null;
    }
    CompletedCheckpoint checkpoint = latest.checkpoint().get();
    return plan(
        checkpoint, storage, false, "checkpoint " + checkpoint.checkpointId() + " of job " + jobId);
  }

  private RestorePlan plan(
      CompletedCheckpoint checkpoint,
      CheckpointStorage storage,
      boolean allowNonRestoredState,
      String description)
      throws Exception {
    CheckpointMetadata metadata = CheckpointMetadata.decode(checkpoint.metadata(), description);
    return RestorePlan.create(metadata, storage, graph, allowNonRestoredState, description);
  }

  private JobResult withDuration(
      JobResult result, JobStatus status, Throwable error, long startNanos) {
    return new JobResult(
        jobId, jobName(), status, Duration.ofNanos(System.nanoTime() - startNanos), error);
  }
}
