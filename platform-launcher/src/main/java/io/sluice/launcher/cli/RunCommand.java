package io.sluice.launcher.cli;

import io.sluice.launcher.platform.BundleJar;
import io.sluice.launcher.platform.Distribution;
import io.sluice.launcher.platform.LauncherSettings;
import io.sluice.launcher.platform.Platform;
import io.sluice.launcher.platform.PlatformException;
import io.sluice.launcher.platform.PlatformOptions;
import io.sluice.platform.JobInfo;
import io.sluice.platform.SubmitOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * {@code sluice run}: boots a one-shot platform with its own temporary storage (so it can run
 * beside a long-running one), submits the job, waits for it to end, and exits 0 only if it
 * FINISHED. The jar is checked before the framework boots, so a wrong file fails fast.
 */
final class RunCommand {

  private final Distribution distribution;
  private final PrintStream err;

  RunCommand(Distribution distribution, PrintStream err) {
    this.distribution = distribution;
    this.err = err;
  }

  int run(Command.Run command) {
    Path jar = JobLocator.resolve(distribution, command.job());
    BundleJar.inspect(jar).requireJob();
    String savepoint = SavepointPaths.existing(command.restore().fromSavepoint());
    SubmitOptions options =
        new SubmitOptions(
            command.args(),
            command.parallelism(),
            savepoint,
            command.restore().allowNonRestoredState());
    LauncherSettings settings = LauncherSettings.load(distribution.settingsFile());
    Path storage = createStorage();
    Thread cleanup = new Thread(() -> TempFolders.delete(storage), "sluice-run-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try (Platform platform =
        Platform.start(PlatformOptions.oneShot(distribution, settings, storage))) {
      JobInfo submitted = platform.submit(jar, options);
      JobInfo end = awaitEnd(platform, submitted);
      if ("FINISHED".equals(end.status())) {
        return 0;
      }
      String why =
          end.error() == null || end.error().isBlank() ? "no cause reported" : end.error().strip();
      err.println("sluice: job " + end.name() + " (" + end.id() + ") " + end.status() + ": " + why);
      return 1;
    } finally {
      TempFolders.delete(storage);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  private static JobInfo awaitEnd(Platform platform, JobInfo submitted) {
    try {
      return platform.jobControl().termination(submitted.id()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while job " + submitted.id() + " was running", e);
    } catch (ExecutionException e) {
      throw new PlatformException(
          "lost track of job " + submitted.id() + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private Path createStorage() {
    try {
      Files.createDirectories(distribution.data());
      return Files.createTempDirectory(distribution.data(), "run-");
    } catch (IOException e) {
      try {
        return Files.createTempDirectory("sluice-run-");
      } catch (IOException again) {
        again.addSuppressed(e);
        throw new UncheckedIOException("cannot create framework storage for the run", again);
      }
    }
  }
}
