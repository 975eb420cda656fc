package io.sluice.runtime.graph;

/** The job's dataflow cannot run as built; the message says what to change. */
public class JobValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobValidationException(String message) {
    super(message);
  }

  public JobValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
