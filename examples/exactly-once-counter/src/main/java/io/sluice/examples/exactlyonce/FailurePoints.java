package io.sluice.examples.exactlyonce;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Decides where the counter fails: at every {@code every}-th record a subtask processes in one
 * attempt (M, 2M, 3M, …), each point once across restarts. A fired point is recorded as a marker
 * file {@code subtask-<s>-record-<n>} in the directory {@code <output>.failures} next to the output
 * (created atomically, so a point fires once even if two attempts race), which survives restarts,
 * shows how often the job failed, and leaves the output itself alone. Delete the directory to fire
 * the points again in a new run. Immutable; the markers are the only shared state.
 */
public final class FailurePoints implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long every;
  private final String markerDirectory;

  /**
   * @param every fail at every {@code every}-th record; 0 never fails
   * @param output the job's output path; the markers go next to it
   */
  public FailurePoints(long every, Path output) {
    if (every < 0) {
      throw new IllegalArgumentException("--fail-every must not be negative: " + every);
    }
    this.every = every;
    this.markerDirectory = markerDirectory(output).toString();
  }

  /** Where the markers of a job writing to {@code output} go. */
  public static Path markerDirectory(Path output) {
    Path absolute = output.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".failures");
  }

  /**
   * Whether subtask {@code subtask} fails now, having processed {@code processed} records in this
   * attempt: true once per failure point, which is recorded before this returns.
   */
  public boolean shouldFail(int subtask, long processed) {
    if (every == 0 || processed == 0 || processed % every != 0) {
      return false;
    }
    Path directory = Paths.get(markerDirectory);
    try {
      Files.createDirectories(directory);
      Files.createFile(directory.resolve("subtask-" + subtask + "-record-" + processed));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false; // fired in an earlier attempt
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record failure point in " + directory, e);
    }
  }

  /** The failure the counter throws at a failure point. */
  public static final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(int subtask, long processed) {
      super(
          "injected failure: subtask "
              + subtask
              + " reached "
              + processed
              + " records in this attempt (--fail-every)");
    }
  }
}
