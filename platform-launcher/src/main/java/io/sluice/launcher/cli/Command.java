package io.sluice.launcher.cli;

import java.util.List;

/**
 * One parsed {@code sluice} command line; {@link CommandLine} makes them, {@link Main} runs them.
 */
public sealed interface Command {

  /** {@code sluice help}: print usage. */
  record Help() implements Command {}

  /**
   * Where a submitted job starts from: {@code --from-savepoint PATH [--allow-non-restored-state]}.
   *
   * @param fromSavepoint the savepoint folder as given on the command line, or null
   * @param allowNonRestoredState whether state of operators the job no longer has may be dropped
   */
  record Restore(String fromSavepoint, boolean allowNonRestoredState) {
    public static final Restore NONE = new Restore(null, false);
  }

  /** {@code sluice run JOB}: run one job on a one-shot platform and exit with its outcome. */
  record Run(String job, int parallelism, List<String> args, Restore restore) implements Command {
    public Run {
      args = List.copyOf(args);
    }

    public Run(String job, int parallelism, List<String> args) {
      this(job, parallelism, args, Restore.NONE);
    }
  }

  /** {@code sluice start}: start the long-running platform in the background. */
  record Start() implements Command {}

  /** {@code sluice stop}: stop the long-running platform and wait for its process to exit. */
  record Stop() implements Command {}

  /** {@code sluice serve}: run the long-running platform in the foreground (what start spawns). */
  record Serve() implements Command {}

  /** {@code sluice submit JOB}: submit a job to the running platform. */
  record Submit(String job, int parallelism, List<String> args, Restore restore)
      implements Command {
    public Submit {
      args = List.copyOf(args);
    }

    public Submit(String job, int parallelism, List<String> args) {
      this(job, parallelism, args, Restore.NONE);
    }
  }

  /** {@code sluice list}: the running platform's jobs. */
  record ListJobs() implements Command {}

  /** {@code sluice cancel ID}. */
  record Cancel(String jobId) implements Command {}

  /** {@code sluice bundles}. */
  record Bundles() implements Command {}

  /** {@code sluice install JAR}: install and start a bundle. */
  record Install(String jar) implements Command {}

  /** {@code sluice uninstall ID}. */
  record Uninstall(long bundleId) implements Command {}

  /**
   * {@code sluice savepoint JOB_ID [DIR]}: a savepoint of a running job; the job goes on.
   *
   * @param directory the target folder as given, or null for the storage's default
   */
  record Savepoint(String jobId, String directory) implements Command {}

  /**
   * {@code sluice stop JOB_ID --savepoint [DIR]}: a savepoint, then the job stops.
   *
   * @param directory the target folder as given, or null for the storage's default
   */
  record StopJob(String jobId, String directory) implements Command {}

  /** {@code sluice backend}: the selected and available state backends and storages. */
  record ShowBackends() implements Command {}

  /** {@code sluice backend state NAME}: select a state backend and move the running jobs. */
  record SelectStateBackend(String name) implements Command {}

  /** {@code sluice features}. */
  record Features() implements Command {}

  /** {@code sluice feature install|uninstall NAME [--dry-run]}. */
  record FeatureChange(boolean install, String name, boolean dryRun) implements Command {}
}
