package io.sluice.api;

/** The lifecycle of a job: CREATED, then RUNNING, then one of the terminal states. */
public enum JobStatus {
  CREATED,
  RUNNING,
  FINISHED,
  FAILED,
  CANCELED;

  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }
}
