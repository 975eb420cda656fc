package io.sluice.runtime.execution;

import java.util.HashSet;
import java.util.Set;

/** Turns an exception chain into the one paragraph users see in the CLI and the job list. */
public final class Failures {
  private Failures() {}

  /** "message; caused by: Type: message; ..." without repeating what a wrapper already said. */
  public static String describe(Throwable failure) {
    if (failure == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
    Set<Throwable> seen = new HashSet<>();
    seen.add(failure);
    for (Throwable cause = failure.getCause();
        cause != null && seen.add(cause);
        cause = cause.getCause()) {
      String line = cause.getClass().getName() + ": " + cause.getMessage();
      if (!text.toString().contains(String.valueOf(cause.getMessage()))) {
        text.append("; caused by ").append(line);
      }
    }
    return text.toString().replace('\n', ' ');
  }
}
