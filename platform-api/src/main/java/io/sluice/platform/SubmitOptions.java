package io.sluice.platform;

import java.util.List;

/**
 * How to run a submitted job.
 *
 * @param args the job's arguments, as for a main method
 * @param parallelism the default parallelism, or 0 for the platform's default
 * @param fromSavepoint the savepoint (or retained checkpoint) folder the job starts from, as {@code
 *     sluice savepoint} printed it; null starts with empty state
 * @param allowNonRestoredState whether state in the savepoint that belongs to no operator of the
 *     job may be dropped (otherwise the restore fails, so a renamed {@code uid} is not lost
 *     silently)
 */
public record SubmitOptions(
    List<String> args, int parallelism, String fromSavepoint, boolean allowNonRestoredState) {

  public SubmitOptions {
    args = List.copyOf(args);
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must not be negative: " + parallelism);
    }
    if (fromSavepoint != null && fromSavepoint.isBlank()) {
      throw new IllegalArgumentException("the savepoint path must not be blank");
    }
    if (allowNonRestoredState && fromSavepoint == null) {
      throw new IllegalArgumentException(
          "allowing non-restored state needs a savepoint to start from (--from-savepoint PATH)");
    }
  }

  /** Options that start the job with empty state. */
  public SubmitOptions(List<String> args, int parallelism) {
    this(args, parallelism, null, false);
  }

  public static SubmitOptions of(String... args) {
    return new SubmitOptions(List.of(args), 0);
  }
}
