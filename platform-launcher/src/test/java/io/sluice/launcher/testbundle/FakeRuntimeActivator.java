package io.sluice.launcher.testbundle;

import io.sluice.platform.BackendSwitch;
import io.sluice.platform.Backends;
import io.sluice.platform.JobControl;
import io.sluice.platform.JobInfo;
import io.sluice.platform.SavepointInfo;
import io.sluice.platform.SubmitOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Stands in for the runtime bundle in launcher tests: packed into a bundle named sluice-runtime by
 * {@code TestBundles}, it registers a JobControl whose jobs end at once: FAILED if the arguments
 * contain {@code --fail} (the error repeats the arguments and parallelism it was given), FINISHED
 * otherwise. It runs inside the framework and sees only the shared io.sluice.platform classes.
 */
public final class FakeRuntimeActivator implements BundleActivator {

  @Override
  public void start(BundleContext context) {
    context.registerService(JobControl.class, new FakeJobControl(), null);
  }

  @Override
  public void stop(BundleContext context) {}

  static final class FakeJobControl implements JobControl {
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, JobInfo> jobs = new ConcurrentHashMap<>();

    @Override
    public JobInfo submit(Bundle jobBundle, SubmitOptions options) {
      String jobClass = jobBundle.getHeaders().get(JOB_HEADER);
      if (jobClass == null) {
        throw new IllegalArgumentException(
            "bundle " + jobBundle.getSymbolicName() + " has no " + JOB_HEADER + " header");
      }
      try {
        jobBundle.start();
      } catch (BundleException e) {
        throw new IllegalStateException(e);
      }
      boolean fail = options.args().contains("--fail");
      String id = "job-" + ids.incrementAndGet();
      JobInfo info =
          new JobInfo(
              id,
              jobClass,
              fail ? "FAILED" : "FINISHED",
              jobBundle.getBundleId(),
              1L,
              2L,
              fail
                  ? "asked to fail with args "
                      + options.args()
                      + " at parallelism "
                      + options.parallelism()
                  : null);
      jobs.put(id, info);
      return info;
    }

    @Override
    public List<JobInfo> list() {
      return new ArrayList<>(jobs.values());
    }

    @Override
    public Optional<JobInfo> job(String jobId) {
      return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public JobInfo cancel(String jobId) {
      JobInfo job = jobs.get(jobId);
      if (job == null) {
        throw new IllegalArgumentException("no job " + jobId);
      }
      return job;
    }

    @Override
    public CompletableFuture<JobInfo> termination(String jobId) {
      return CompletableFuture.completedFuture(jobs.get(jobId));
    }

    @Override
    public CompletableFuture<SavepointInfo> savepoint(String jobId, String targetDirectory) {
      return CompletableFuture.completedFuture(
          new SavepointInfo(require(jobId).id(), targetDirectory + "/savepoint-1", 1, 1500));
    }

    @Override
    public CompletableFuture<SavepointInfo> stopWithSavepoint(
        String jobId, String targetDirectory) {
      require(jobId);
      return CompletableFuture.failedFuture(
          new IllegalStateException("the fake runtime cannot stop job " + jobId));
    }

    @Override
    public Backends backends() {
      return new Backends(null, "heap", List.of("heap"), "fs", "fs", List.of("fs"));
    }

    @Override
    public CompletableFuture<BackendSwitch> selectStateBackend(String name) {
      if (!name.equals("heap")) {
        throw new IllegalArgumentException("no state backend '" + name + "'; available: heap");
      }
      return CompletableFuture.completedFuture(new BackendSwitch("heap", "heap", List.of()));
    }

    private JobInfo require(String jobId) {
      JobInfo job = jobs.get(jobId);
      if (job == null) {
        throw new NoSuchElementException("no job " + jobId);
      }
      return job;
    }
  }
}
