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

  /**
   * Takes a savepoint of a running job in the canonical (backend-independent) format; the job goes
   * on. The future fails with the runtime's reason if the savepoint cannot be taken.
   *
   * @param targetDirectory an absolute folder, or null for the checkpoint storage's default
   * @throws java.util.NoSuchElementException if there is no such job
   * @throws IllegalStateException if the job is not running
   */
  CompletableFuture<SavepointInfo> savepoint(String jobId, String targetDirectory);

  /**
   * Takes a savepoint and stops the job once it is complete (the job ends FINISHED), so that it can
   * be resumed later with {@link SubmitOptions#fromSavepoint()}.
   *
   * @param targetDirectory an absolute folder, or null for the checkpoint storage's default
   * @throws java.util.NoSuchElementException if there is no such job
   * @throws IllegalStateException if the job is not running
   */
  CompletableFuture<SavepointInfo> stopWithSavepoint(String jobId, String targetDirectory);

  /** The selected and the available state backends and checkpoint storages. */
  Backends backends();

  /**
   * Selects the state backend {@code name} by writing {@code state.backend} into the runtime's
   * configuration, and completes once every running job has moved onto it (through a canonical
   * savepoint on its old backend). Selecting the backend already selected moves nothing.
   *
   * @throws IllegalArgumentException if no state backend of that name is registered (the message
   *     lists the available ones)
   */
  CompletableFuture<BackendSwitch> selectStateBackend(String name);
}
