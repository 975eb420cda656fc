package io.sluice.launcher.cli;

import io.sluice.launcher.control.ControlClient;
import io.sluice.launcher.control.ControlException;
import io.sluice.launcher.control.ControlServer;
import io.sluice.launcher.control.NoPlatformException;
import io.sluice.launcher.platform.Distribution;
import io.sluice.launcher.platform.LauncherSettings;
import io.sluice.launcher.platform.Platform;
import io.sluice.launcher.platform.PlatformOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code start}, {@code stop} and {@code serve}: the long-running platform. {@code start} spawns
 * {@code serve} in a new JVM with the same JVM options, output appended to {@code log/sluice.log},
 * and returns once the platform has written {@code log/sluice.port} (or died). {@code serve} writes
 * {@code log/sluice.pid} and {@code log/sluice.port} once it answers, and removes them when it
 * stops. {@code stop} asks for a clean shutdown through the control API and waits for the process
 * to exit.
 */
final class DaemonCommands {

  private static final System.Logger LOG = System.getLogger(DaemonCommands.class.getName());
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Distribution distribution;
  private final PrintStream out;
  private final PrintStream err;

  DaemonCommands(Distribution distribution, PrintStream out, PrintStream err) {
    this.distribution = distribution;
    this.out = out;
    this.err = err;
  }

  int start() throws IOException, InterruptedException {
    Optional<ProcessHandle> running = runningPlatform();
    if (running.isPresent()) {
      out.println(
          "platform already running (pid " + running.get().pid() + "); stop it with: sluice stop");
      return 0;
    }
    Files.createDirectories(distribution.log());
    Files.deleteIfExists(distribution.portFile());
    Files.deleteIfExists(distribution.pidFile());
    LauncherSettings settings = LauncherSettings.load(distribution.settingsFile());
    Process process = spawnServe();
    Duration timeout = settings.serviceTimeout().plusSeconds(30);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(distribution.portFile()) && Files.exists(distribution.pidFile())) {
        out.println(
            "platform started (pid "
                + process.pid()
                + "), control API on http://127.0.0.1:"
                + Files.readString(distribution.portFile()).trim()
                + ", log in "
                + distribution.logFile());
        return 0;
      }
      if (process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        err.println(
            "sluice: the platform exited with code "
                + process.exitValue()
                + " while starting; end of "
                + distribution.logFile()
                + ":");
        tail(distribution.logFile(), 15).forEach(line -> err.println("  " + line));
        return 1;
      }
    }
    err.println(
        "sluice: the platform (pid "
            + process.pid()
            + ") did not come up within "
            + timeout.toSeconds()
            + " s; see "
            + distribution.logFile());
    return 1;
  }

  int stop() throws InterruptedException {
    Optional<ProcessHandle> running = runningPlatform();
    if (running.isEmpty()) {
      cleanupFiles();
      throw new NoPlatformException();
    }
    ProcessHandle process = running.get();
    try {
      new ControlClient(distribution.portFile()).post("/shutdown");
    } catch (NoPlatformException | ControlException e) {
      LOG.log(
          System.Logger.Level.INFO,
          "control API unreachable (" + e.getMessage() + "); sending SIGTERM");
      process.destroy();
    }
    try {
      process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      err.println(
          "sluice: the platform (pid "
              + process.pid()
              + ") did not stop within "
              + STOP_TIMEOUT.toSeconds()
              + " s; see "
              + distribution.logFile());
      return 1;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot wait for pid " + process.pid(), e);
    }
    cleanupFiles();
    out.println("platform stopped (pid " + process.pid() + ")");
    return 0;
  }

  int serve() throws IOException, InterruptedException {
    LauncherSettings settings = LauncherSettings.load(distribution.settingsFile());
    Files.createDirectories(distribution.log());
    Platform platform = Platform.start(PlatformOptions.longRunning(distribution, settings));
    CountDownLatch shutdown = new CountDownLatch(1);
    ControlServer server;
    try {
      server = ControlServer.start(platform, settings.restPort(), shutdown::countDown);
    } catch (IOException e) {
      platform.close();
      throw new UncheckedIOException(
          "cannot serve the control API on 127.0.0.1:"
              + settings.restPort()
              + " ("
              + e.getMessage()
              + "); set rest.port in "
              + distribution.settingsFile(),
          e);
    }
    Thread hook = new Thread(() -> shutDown(server, platform), "sluice-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    write(distribution.pidFile(), Long.toString(ProcessHandle.current().pid()));
    write(distribution.portFile(), Integer.toString(server.port()));
    LOG.log(
        System.Logger.Level.INFO,
        "platform up: features "
            + platform.features().installed()
            + ", "
            + platform.bundles().size()
            + " bundles, control API on http://127.0.0.1:"
            + server.port()
            + ", watching "
            + distribution.deploy());
    shutdown.await();
    LOG.log(System.Logger.Level.INFO, "shutdown requested");
    Runtime.getRuntime().removeShutdownHook(hook);
    shutDown(server, platform);
    return 0;
  }

  private void shutDown(ControlServer server, Platform platform) {
    server.close();
    platform.close();
    cleanupFiles();
    LOG.log(System.Logger.Level.INFO, "platform stopped");
  }

  private Process spawnServe() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    if (command.stream().noneMatch(a -> a.startsWith("-D" + Distribution.HOME_PROPERTY + "="))) {
      command.add("-D" + Distribution.HOME_PROPERTY + "=" + distribution.home());
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
    return new ProcessBuilder(command)
        .directory(distribution.home().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(distribution.logFile().toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private Optional<ProcessHandle> runningPlatform() {
    try {
      long pid = Long.parseLong(Files.readString(distribution.pidFile()).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void cleanupFiles() {
    try {
      Files.deleteIfExists(distribution.portFile());
      Files.deleteIfExists(distribution.pidFile());
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot remove " + distribution.pidFile() + ": " + e.getMessage());
    }
  }

  private static void write(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<String> tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(no log: " + e.getMessage() + ")");
    }
  }
}
