package io.sluice.runtime.osgi;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.Job;
import io.sluice.api.JobExecutionException;
import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.runtime.execution.Failures;
import io.sluice.runtime.execution.LocalPipelineExecutor;
import io.sluice.runtime.execution.RestoreSettings;
import io.sluice.runtime.execution.RuntimeServices;
import io.sluice.runtime.threads.UserCodeThreads;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Runs one job bundle's job on its own thread: loads the class named in the manifest, hands it an
 * environment bound to this runtime, and records how it ended. Errors become one readable
 * paragraph.
 */
final class JobDriver implements Runnable {
  private final JobRecord record;
  private final Bundle bundle;
  private final String jobClassName;
  private final ExecutionConfig config;
  private final Supplier<RuntimeServices> services;

  JobDriver(
      JobRecord record,
      Bundle bundle,
      String jobClassName,
      ExecutionConfig config,
      Supplier<RuntimeServices> services) {
    this.record = record;
    this.bundle = bundle;
    this.jobClassName = jobClassName;
    this.config = config;
    this.services = services;
  }

  /**
   * Starts the driver thread with the bundle's class loader as context loader, which the thread
   * drops when it ends (see {@link UserCodeThreads}).
   */
  void start() {
    BundleWiring wiring = bundle.adapt(BundleWiring.class);
    Thread thread =
        UserCodeThreads.newThread(
            "sluice-job-" + record.id, wiring == null ? null : wiring.getClassLoader(), this);
    record.driver = thread;
    thread.start();
  }

  @Override
  public void run() {
    String where = JobBundles.describe(bundle);
    try {
      Job job = instantiate(where);
      ClassLoader loader = job.getClass().getClassLoader();
      StreamEnvironment env =
          new StreamEnvironment(
              new LocalPipelineExecutor(
                  record.id,
                  services,
                  loader,
                  execution -> {
                    record.setName(execution.jobName());
                    record.backend = services.get().stateBackend();
                    record.execution = execution;
                    record.executed = true;
                    record.running();
                    if (record.isCancelRequested()) {
                      execution.cancel();
                    }
                  },
                  restoreSettings()),
              config);
      record.running();
      job.run(env, record.options.args().toArray(String[]::new));
      if (record.isCancelRequested()) {
        record.end(JobStatus.CANCELED, null);
      } else if (!record.executed) {
        record.end(
            JobStatus.FAILED,
            "Job class "
                + jobClassName
                + " of "
                + where
                + " returned without calling env.execute(name); nothing ran.");
      } else {
        record.end(JobStatus.FINISHED, null);
      }
    } catch (JobExecutionException e) {
      record.setName(e.getResult().jobName());
      record.end(JobStatus.FAILED, Failures.describe(e));
    } catch (Throwable t) {
      if (record.isCancelRequested()) {
        record.end(JobStatus.CANCELED, null);
      } else {
        record.end(
            JobStatus.FAILED,
            "Job "
                + jobClassName
                + " of "
                + where
                + " failed: "
                + t.getClass().getName()
                + ": "
                + Failures.describe(t));
      }
    }
  }

  /** Where the job starts from: {@code --from-savepoint PATH [--allow-non-restored-state]}. */
  private RestoreSettings restoreSettings() {
    String path = record.options.fromSavepoint();
    return path == null
        ? RestoreSettings.NONE
        : RestoreSettings.fromSavepoint(path, record.options.allowNonRestoredState());
  }

  private Job instantiate(String where) throws Exception {
    Class<?> type;
    try {
      type = bundle.loadClass(jobClassName);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "the Sluice-Job header names "
              + jobClassName
              + ", but the bundle does not contain that class; fix the header or the bundle's"
              + " contents",
          e);
    }
    if (!Job.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          jobClassName
              + " does not implement io.sluice.api.Job (or the bundle wires to another copy of"
              + " the io.sluice.api package)");
    }
    try {
      return (Job) type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          jobClassName + " needs a public no-argument constructor", e);
    }
  }
}
