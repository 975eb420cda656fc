package io.sluice.runtime.osgi;

import io.sluice.api.JobStatus;
import io.sluice.platform.JobInfo;
import io.sluice.platform.SubmitOptions;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.spi.state.StateBackend;
import java.util.concurrent.CompletableFuture;

/**
 * What the platform knows about one submitted job. Written by the job's driver thread and by cancel
 * calls; every field that crosses threads is volatile, and the terminal transition happens once.
 * Holds no reference to the job bundle's classes once the job ended.
 */
final class JobRecord {
  final String id;
  final long bundleId;
  final SubmitOptions options;
  final long startTimeMillis = System.currentTimeMillis();
  final CompletableFuture<JobInfo> termination = new CompletableFuture<>();
  private volatile String name;
  private volatile JobStatus status = JobStatus.CREATED;
  private volatile long endTimeMillis;
  private volatile String error;
  private volatile boolean cancelRequested;
  volatile JobMaster execution;

  /**
   * The state backend the job's current deployment runs on: set when the job is deployed and after
   * each move by the {@link BackendSwitcher}; null before and after the job runs.
   */
  volatile StateBackend backend;

  volatile Thread driver;
  volatile boolean executed;

  JobRecord(String id, long bundleId, String name, SubmitOptions options) {
    this.id = id;
    this.bundleId = bundleId;
    this.name = name;
    this.options = options;
  }

  void setName(String name) {
    this.name = name;
  }

  void running() {
    if (!status.isTerminal()) {
      status = JobStatus.RUNNING;
    }
  }

  boolean isCancelRequested() {
    return cancelRequested;
  }

  JobStatus status() {
    return status;
  }

  /** Moves to a terminal state once; later calls do nothing. */
  synchronized void end(JobStatus finalStatus, String errorText) {
    if (status.isTerminal()) {
      return;
    }
    error = errorText;
    endTimeMillis = System.currentTimeMillis();
    status = finalStatus;
    execution = null;
    driver = null;
    backend = null;
    termination.complete(info());
  }

  /** Asks the job to stop: cancels its execution and interrupts its driver. Any thread. */
  void cancel() {
    cancelRequested = true;
    JobMaster current = execution;
    if (current != null) {
      current.cancel();
    }
    Thread t = driver;
    if (t != null) {
      t.interrupt();
    }
  }

  /** True while the job runs a deployment that has a state backend (it can take a savepoint). */
  boolean isDeployed() {
    return status == JobStatus.RUNNING && execution != null && backend != null;
  }

  JobInfo info() {
    return info(-1);
  }

  /**
   * @param lastCheckpointId the newest completed checkpoint of the job, or -1
   */
  JobInfo info(long lastCheckpointId) {
    StateBackend current = backend;
    return new JobInfo(
        id,
        name,
        status.name(),
        bundleId,
        startTimeMillis,
        endTimeMillis,
        error,
        current == null ? null : current.name(),
        lastCheckpointId);
  }
}
