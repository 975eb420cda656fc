package io.sluice.runtime.osgi;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobStatus;
import io.sluice.platform.JobControl;
import io.sluice.platform.JobInfo;
import io.sluice.platform.SubmitOptions;
import io.sluice.runtime.execution.RuntimeServices;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.shuffle.ShuffleSettings;
import io.sluice.spi.state.StateBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The runtime's job manager: runs the job of every active job bundle (a bundle with a {@code
 * Sluice-Job} header), cancels it when the bundle stops, and offers {@link JobControl} to the
 * launcher.
 */
@Component(service = JobControl.class, immediate = true, configurationPid = "io.sluice.runtime")
public final class JobManagerComponent implements JobControl {
  private static final long CANCEL_WAIT_MILLIS = 30_000;

  private final BundleContext context;
  private final RuntimeServices services;
  private final RuntimeConfig config;
  private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
  private final Map<Long, JobRecord> pending = new ConcurrentHashMap<>();
  private final Map<Long, JobRecord> runningByBundle = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final BundleTracker<JobRecord> tracker;

  @Activate
  public JobManagerComponent(
      BundleContext context,
      @Reference ShuffleService shuffle,
      @Reference StateBackend stateBackend,
      RuntimeConfig config) {
    this.context = context;
    this.config = config;
    this.services =
        new RuntimeServices(
            shuffle,
            stateBackend,
            ShuffleSettings.defaults(),
            new TaskExecutor("embedded", config.taskmanager_numberOfTaskSlots()),
            null);
    this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, new Customizer());
    tracker.open();
  }

  @Deactivate
  void deactivate() {
    tracker.close(); // cancels the job of every tracked bundle
    for (JobRecord record : jobs.values()) {
      record.cancel();
    }
  }

  @Override
  public JobInfo submit(Bundle jobBundle, SubmitOptions options) {
    String jobClass = JobBundles.jobClassName(jobBundle);
    if (jobClass == null) {
      throw new IllegalArgumentException(
          JobBundles.describe(jobBundle)
              + " is not a job bundle: its manifest has no "
              + JOB_HEADER
              + " header naming a class that implements io.sluice.api.Job");
    }
    JobRecord running = runningByBundle.get(jobBundle.getBundleId());
    if (running != null && !running.status().isTerminal()) {
      throw new IllegalStateException(
          JobBundles.describe(jobBundle)
              + " already runs job "
              + running.id
              + "; cancel it first or update the bundle");
    }
    JobRecord record = newRecord(jobBundle, options);
    if (jobBundle.getState() == Bundle.ACTIVE) {
      launch(jobBundle, record);
    } else {
      pending.put(jobBundle.getBundleId(), record);
      try {
        jobBundle.start();
      } catch (BundleException | RuntimeException e) {
        pending.remove(jobBundle.getBundleId());
        record.end(
            JobStatus.FAILED, JobBundles.describe(jobBundle) + " cannot start: " + e.getMessage());
      }
    }
    return record.info();
  }

  private JobRecord newRecord(Bundle bundle, SubmitOptions options) {
    String id = String.format("job-%04d", sequence.incrementAndGet());
    JobRecord record = new JobRecord(id, bundle.getBundleId(), bundle.getSymbolicName(), options);
    jobs.put(id, record);
    return record;
  }

  private void launch(Bundle bundle, JobRecord record) {
    runningByBundle.put(bundle.getBundleId(), record);
    int parallelism =
        record.options.parallelism() > 0
            ? record.options.parallelism()
            : config.parallelism_default();
    ExecutionConfig executionConfig =
        new ExecutionConfig(
            parallelism,
            config.max_parallelism(),
            config.buffer_timeout_ms(),
            config.watermark_interval_ms());
    try {
      new JobDriver(
              record, bundle, JobBundles.jobClassName(bundle), executionConfig, () -> services)
          .start();
    } catch (RuntimeException e) {
      record.end(JobStatus.FAILED, "cannot start job " + record.id + ": " + e);
    }
  }

  @Override
  public List<JobInfo> list() {
    List<JobInfo> infos = new ArrayList<>();
    for (JobRecord record : jobs.values()) {
      infos.add(record.info());
    }
    infos.sort(Comparator.comparing(JobInfo::id).reversed());
    return infos;
  }

  @Override
  public Optional<JobInfo> job(String jobId) {
    return Optional.ofNullable(jobs.get(jobId)).map(JobRecord::info);
  }

  @Override
  public JobInfo cancel(String jobId) {
    JobRecord record = requireJob(jobId);
    cancelAndWait(record);
    return record.info();
  }

  @Override
  public CompletableFuture<JobInfo> termination(String jobId) {
    return requireJob(jobId).termination;
  }

  private JobRecord requireJob(String jobId) {
    JobRecord record = jobs.get(jobId);
    if (record == null) {
      throw new NoSuchElementException("no job " + jobId + "; `sluice list` shows the known jobs");
    }
    return record;
  }

  /** Cancels and waits (bounded) so the bundle's classes are no longer in use afterwards. */
  private static void cancelAndWait(JobRecord record) {
    if (record.status().isTerminal()) {
      return;
    }
    record.cancel();
    Thread driver = record.driver;
    if (driver != null) {
      try {
        driver.join(CANCEL_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    record.end(JobStatus.CANCELED, null);
  }

  /** Starts jobs of bundles that become active; cancels them when the bundle stops. */
  private final class Customizer implements BundleTrackerCustomizer<JobRecord> {
    @Override
    public JobRecord addingBundle(Bundle bundle, BundleEvent event) {
      if (JobBundles.jobClassName(bundle) == null) {
        return null;
      }
      JobRecord record = pending.remove(bundle.getBundleId());
      if (record == null) {
        record = newRecord(bundle, SubmitOptions.of());
      }
      launch(bundle, record);
      return record;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, JobRecord record) {}

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, JobRecord record) {
      runningByBundle.remove(bundle.getBundleId(), record);
      JobRecord latest = runningByBundle.remove(bundle.getBundleId());
      cancelAndWait(record);
      if (latest != null) {
        cancelAndWait(latest);
      }
    }
  }
}
