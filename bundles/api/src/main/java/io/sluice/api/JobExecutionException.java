package io.sluice.api;

/** A job failed; {@link #getResult()} tells how, {@link #getCause()} is the first error. */
public class JobExecutionException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient JobResult result;

  public JobExecutionException(JobResult result) {
    super(
        "Job '"
            + result.jobName()
            + "' ("
            + result.jobId()
            + ") failed: "
            + describe(result.failure()),
        result.failure());
    this.result = result;
  }

  public JobResult getResult() {
    return result;
  }

  private static String describe(Throwable failure) {
    return failure == null ? "unknown cause" : String.valueOf(failure.getMessage());
  }
}
