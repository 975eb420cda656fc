package io.sluice.examples.wordcount.it.jobs;

import io.sluice.api.Job;
import io.sluice.api.StreamEnvironment;

/** A job that fails before it builds anything; packaged into its own bundle by the tests. */
public final class FailingJob implements Job {
  /** The failure's message, which the platform must report. */
  public static final String MESSAGE = "FailingJob fails on purpose";

  @Override
  public void run(StreamEnvironment env, String[] args) {
    throw new IllegalStateException(MESSAGE);
  }
}
