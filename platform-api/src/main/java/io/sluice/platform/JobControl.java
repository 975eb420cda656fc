package io.sluice.platform;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Submits, lists and cancels jobs. A job bundle is a job: a bundle whose manifest names a class
 * implementing {@code io.sluice.api.Job} in the {@value #JOB_HEADER} header. Starting such a bundle
 * submits its job (with the arguments given here, or none); stopping or uninstalling it cancels the
 * job.
 *
 * <p>Example (launcher side): {@code control.submit(bundle, SubmitOptions.of("--input",
 * "in.txt"))}.
 */
@ProviderType
public interface JobControl {

  /** The manifest header that makes a bundle a job bundle; its value is the job class name. */
  String JOB_HEADER = "Sluice-Job";

  /**
   * Submits the job of {@code jobBundle} (installed, not necessarily started) and starts the
   * bundle.
   *
   * @throws IllegalArgumentException if the bundle has no {@value #JOB_HEADER} header
   */
  JobInfo submit(Bundle jobBundle, SubmitOptions options);

  /** Every job this runtime knows, newest first. */
  List<JobInfo> list();

  Optional<JobInfo> job(String jobId);

  /** Cancels a running job; a job that already ended is returned unchanged. */
  JobInfo cancel(String jobId);

  /** Completes with the final state once the job has ended (FINISHED, FAILED or CANCELED). */
  CompletableFuture<JobInfo> termination(String jobId);
}
