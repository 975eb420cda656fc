package io.sluice.runtime.osgi;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobStatus;
import io.sluice.platform.BackendSwitch;
import io.sluice.platform.Backends;
import io.sluice.platform.JobControl;
import io.sluice.platform.JobInfo;
import io.sluice.platform.JobMove;
import io.sluice.platform.SavepointInfo;
import io.sluice.platform.SubmitOptions;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.runtime.execution.RuntimeServices;
import io.sluice.runtime.execution.SavepointResult;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.shuffle.ShuffleSettings;
import io.sluice.spi.state.StateBackend;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The runtime's job manager: runs the job of every active job bundle (a bundle with a {@code
 * Sluice-Job} header), cancels it when the bundle stops, and offers {@link JobControl} to the
 * launcher.
 *
 * <p>It binds every {@link StateBackend} and {@link CheckpointStorage} service as it comes and goes
 * and selects one of each ({@link PluginRegistry}): the one named by {@code state.backend} and
 * {@code checkpoint.storage} in its configuration (PID {@value #PID}), else the highest ranking.
 * When the selected state backend changes, the {@link BackendSwitcher} moves every running job onto
 * it. Configuration changes are applied in place ({@link Modified}), so they never cancel jobs.
 */
@Component(service = JobControl.class, immediate = true, configurationPid = JobManagerComponent.PID)
public final class JobManagerComponent implements JobControl {
  /** The runtime's Config Admin PID. */
  public static final String PID = "io.sluice.runtime";

  /** The configuration property naming the state backend. */
  static final String STATE_BACKEND_PROPERTY = "state.backend";

  private static final long CANCEL_WAIT_MILLIS = 30_000;

  /**
   * How long an unbinding backend waits for the jobs on it to move off (bounded: an SCR thread).
   */
  private static final Duration UNBIND_WAIT = Duration.ofSeconds(60);

  /**
   * How long {@link #selectStateBackend} waits for the configuration to take effect and jobs to
   * move.
   */
  private static final Duration SELECT_TIMEOUT = Duration.ofMinutes(10);

  private static final System.Logger LOG = System.getLogger(JobManagerComponent.class.getName());

  private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
  private final Map<Long, JobRecord> pending = new ConcurrentHashMap<>();
  private final Map<Long, JobRecord> runningByBundle = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  /**
   * Part of every job id, random per runtime instance: checkpoints live under the job id in a
   * storage that outlives the platform (data/checkpoints), so a restarted platform or a one-shot
   * run beside a long-running one must never reuse an id.
   */
  private final String instance =
      String.format("%06x", new java.security.SecureRandom().nextInt(1 << 24));

  private final PluginRegistry registry = new PluginRegistry();
  private final BackendSwitcher switcher = new BackendSwitcher(registry, this::records);

  @Reference private ShuffleService shuffle;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile ConfigurationAdmin configAdmin;

  private volatile RuntimeConfig config;
  private BundleTracker<JobRecord> tracker;

  /** Created by Declarative Services; state backends are bound before {@link #activate}. */
  public JobManagerComponent() {}

  @Activate
  void activate(BundleContext context, RuntimeConfig config) {
    this.config = config;
    registry.setFixed(
        shuffle,
        ShuffleSettings.defaults(),
        new TaskExecutor("embedded", config.taskmanager_numberOfTaskSlots()));
    registry.configure(config.state_backend(), config.checkpoint_storage());
    warnIfConfiguredIsMissing();
    this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, new Customizer());
    tracker.open();
  }

  /**
   * Applies a configuration change without restarting: new jobs use the new settings, and a changed
   * {@code state.backend} moves the running jobs. (The task executor's slots apply at the next
   * start of the runtime.)
   */
  @Modified
  void modified(RuntimeConfig config) {
    this.config = config;
    if (registry.configure(config.state_backend(), config.checkpoint_storage())) {
      switcher.reconcile("configuration changed (state.backend = " + config.state_backend() + ")");
    }
    warnIfConfiguredIsMissing();
  }

  /** A configured name that is not registered falls back to the ranking; say so in the log. */
  private void warnIfConfiguredIsMissing() {
    Backends backends = registry.describe();
    String configured = backends.configuredStateBackend();
    if (configured != null && !backends.stateBackends().contains(configured)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "state.backend = {0} is not installed; using {1} (available: {2}). The rocksdb backend"
              + " comes with: sluice feature install rocksdb",
          configured,
          backends.stateBackend(),
          backends.stateBackends());
    }
  }

  @Deactivate
  void deactivate() {
    switcher.close();
    tracker.close(); // cancels the job of every tracked bundle
    for (JobRecord record : jobs.values()) {
      record.cancel();
    }
  }

  @Reference(
      service = StateBackend.class,
      cardinality = ReferenceCardinality.AT_LEAST_ONE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "unbindStateBackend")
  void bindStateBackend(StateBackend backend, Map<String, Object> properties) {
    if (registry.addStateBackend(backend, properties)) {
      switcher.reconcile("state backend " + backend.name() + " registered");
    }
  }

  /**
   * The backend is going away (its bundle stops): jobs on it move to the newly selected backend,
   * through a savepoint on the departing one while it still serves them (else from their latest
   * checkpoint; see {@link BackendSwitcher}). Waits (bounded) until they have moved, so nothing
   * uses the backend once its bundle has stopped.
   */
  void unbindStateBackend(StateBackend backend) {
    boolean changed = registry.removeStateBackend(backend);
    boolean inUse = records().stream().anyMatch(r -> r.isDeployed() && r.backend == backend);
    if (!changed && !inUse) {
      return;
    }
    CompletableFuture<List<JobMove>> moves =
        switcher.reconcile("state backend " + backend.name() + " is going away");
    if (inUse) {
      try {
        moves.get(UNBIND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "Jobs on state backend "
                + backend.name()
                + " did not all move off before it went away: "
                + e);
      }
    }
  }

  @Reference(
      service = CheckpointStorage.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "unbindCheckpointStorage")
  void bindCheckpointStorage(CheckpointStorage storage, Map<String, Object> properties) {
    registry.addCheckpointStorage(storage, properties);
  }

  void unbindCheckpointStorage(CheckpointStorage storage) {
    registry.removeCheckpointStorage(storage);
  }

  /** The services of the current selection; what every job's master deploys on. */
  RuntimeServices services() {
    return registry.services();
  }

  private Collection<JobRecord> records() {
    return List.copyOf(jobs.values());
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
    if (options.fromSavepoint() != null) {
      checkSavepoint(options.fromSavepoint());
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
    String id = String.format("job-%s-%04d", instance, sequence.incrementAndGet());
    JobRecord record = new JobRecord(id, bundle.getBundleId(), bundle.getSymbolicName(), options);
    jobs.put(id, record);
    return record;
  }

  private void launch(Bundle bundle, JobRecord record) {
    runningByBundle.put(bundle.getBundleId(), record);
    RuntimeConfig settings = config; // one snapshot; Config Admin may change it meanwhile
    int parallelism =
        record.options.parallelism() > 0
            ? record.options.parallelism()
            : settings.parallelism_default();
    ExecutionConfig executionConfig =
        new ExecutionConfig(
            parallelism,
            settings.max_parallelism(),
            settings.buffer_timeout_ms(),
            settings.watermark_interval_ms());
    try {
      new JobDriver(
              record, bundle, JobBundles.jobClassName(bundle), executionConfig, registry::services)
          .start();
    } catch (RuntimeException e) {
      record.end(JobStatus.FAILED, "cannot start job " + record.id + ": " + e);
    }
  }

  @Override
  public List<JobInfo> list() {
    List<JobInfo> infos = new ArrayList<>();
    for (JobRecord record : jobs.values()) {
      infos.add(record.info(lastCheckpoint(record.id)));
    }
    infos.sort(Comparator.comparing(JobInfo::id).reversed());
    return infos;
  }

  @Override
  public Optional<JobInfo> job(String jobId) {
    return Optional.ofNullable(jobs.get(jobId)).map(r -> r.info(lastCheckpoint(r.id)));
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

  @Override
  public CompletableFuture<SavepointInfo> savepoint(String jobId, String targetDirectory) {
    JobMaster master = requireSavepointable(jobId);
    return master.triggerSavepoint(targetDirectory).thenApply(r -> savepointInfo(jobId, r));
  }

  @Override
  public CompletableFuture<SavepointInfo> stopWithSavepoint(String jobId, String targetDirectory) {
    JobMaster master = requireSavepointable(jobId);
    return master.stopWithSavepoint(targetDirectory).thenApply(r -> savepointInfo(jobId, r));
  }

  @Override
  public Backends backends() {
    return registry.describe();
  }

  @Override
  public CompletableFuture<BackendSwitch> selectStateBackend(String name) {
    String wanted = name == null ? "" : name.trim();
    Backends before = registry.describe();
    if (registry.stateBackendNamed(wanted).isEmpty()) {
      throw new IllegalArgumentException(
          "no state backend '"
              + wanted
              + "'; available: "
              + (before.stateBackends().isEmpty()
                  ? "none"
                  : String.join(", ", before.stateBackends()))
              + (wanted.equals("rocksdb")
                  ? " (install it with: sluice feature install rocksdb)"
                  : ""));
    }
    ConfigurationAdmin admin = configAdmin;
    if (admin == null) {
      throw new IllegalStateException(
          "no Config Admin service to write "
              + STATE_BACKEND_PROPERTY
              + " to; install org.apache.felix.configadmin (feature core)");
    }
    CompletableFuture<List<JobMove>> moves;
    if (wanted.equals(before.stateBackend())) {
      writeStateBackend(admin, wanted);
      moves = switcher.reconcile("state backend " + wanted + " selected again");
    } else {
      moves = switcher.awaitPass(wanted);
      try {
        writeStateBackend(admin, wanted);
      } catch (RuntimeException e) {
        switcher.forget(moves);
        throw e;
      }
    }
    return moves
        .orTimeout(SELECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(m -> new BackendSwitch(before.stateBackend(), wanted, m));
  }

  /** Sets {@code state.backend} in the runtime's configuration; File Install saves it to conf/. */
  private static void writeStateBackend(ConfigurationAdmin admin, String name) {
    try {
      Configuration configuration = admin.getConfiguration(PID, "?");
      Dictionary<String, Object> properties = configuration.getProperties();
      if (properties == null) {
        properties = new Hashtable<>();
      }
      if (name.equals(properties.get(STATE_BACKEND_PROPERTY))) {
        return;
      }
      properties.put(STATE_BACKEND_PROPERTY, name);
      configuration.update(properties);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write " + STATE_BACKEND_PROPERTY + " = " + name + " to " + PID + ": " + e, e);
    }
  }

  private JobMaster requireSavepointable(String jobId) {
    JobRecord record = requireJob(jobId);
    JobMaster master = record.execution;
    if (record.status().isTerminal() || master == null) {
      throw new IllegalStateException(
          "job "
              + jobId
              + " is "
              + record.status()
              + (record.status().isTerminal() ? "" : " and not deployed yet")
              + "; only a running job can take a savepoint");
    }
    if (registry.services().checkpointStorage() == null) {
      throw new IllegalStateException(
          "no checkpoint storage is installed to write the savepoint to (bundle"
              + " sluice-checkpoint-fs, feature core)");
    }
    return master;
  }

  private static SavepointInfo savepointInfo(String jobId, SavepointResult result) {
    return new SavepointInfo(
        jobId,
        result.path(),
        result.checkpointId(),
        result.duration() == null ? 0 : result.duration().toMillis());
  }

  /** Refuses a savepoint that the selected storage cannot open, before the job is started. */
  private void checkSavepoint(String path) {
    CheckpointStorage storage = registry.services().checkpointStorage();
    if (storage == null) {
      throw new IllegalStateException(
          "cannot start from savepoint "
              + path
              + ": no checkpoint storage is installed (bundle sluice-checkpoint-fs, feature core)");
    }
    try {
      storage.openCompleted(path);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot start from savepoint " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The newest completed checkpoint of a job in the selected storage, or -1: one directory list.
   */
  private long lastCheckpoint(String jobId) {
    RuntimeServices current = registry.services();
    CheckpointStorage storage = current == null ? null : current.checkpointStorage();
    if (storage == null) {
      return -1;
    }
    try {
      List<Long> completed = storage.completedCheckpoints(jobId);
      return completed.isEmpty() ? -1 : completed.get(completed.size() - 1);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
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
