package io.sluice.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.launcher.cli.Main;
import io.sluice.launcher.control.ControlServer;
import io.sluice.launcher.platform.Platform;
import io.sluice.platform.JobInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State backend selection, savepoints and their CLI on the real distribution: real Felix, the real
 * runtime, the heap and RocksDB backend bundles, fs checkpoint storage, and a job that keeps
 * running ({@link TestJobs#ticks}). Each test runs a long-running platform with its control API in
 * this JVM and drives it through {@link Main}, as {@code bin/sluice} does.
 *
 * <p>Besides selection, configuration and CLI output, the tests check that savepoints are written
 * and that a running job really moves between backends (the job master's work).
 */
class BackendIT {

  private static final Duration JOB_START = Duration.ofSeconds(60);

  @TempDir Path home;

  private final CliRunner cli = new CliRunner();

  private int sluice(TestDistribution dist, String... args) {
    return cli.run(dist, args);
  }

  private String out() {
    return cli.out();
  }

  private String err() {
    return cli.err();
  }

  /** A long-running platform with these features and its control API on a free port. */
  private record Running(Platform platform, ControlServer server) implements AutoCloseable {
    static Running start(TestDistribution dist, String... features) throws Exception {
      Platform platform = Platform.start(dist.options(true, List.of(features)));
      ControlServer server = ControlServer.start(platform, 0, () -> {});
      Files.writeString(dist.distribution.portFile(), server.port() + "\n");
      return new Running(platform, server);
    }

    JobInfo job(String id) {
      return platform.jobControl().job(id).orElseThrow();
    }

    /** Waits until the job runs a deployment (its state backend is known). */
    JobInfo awaitDeployed(String id) {
      Await.until(
          "job " + id + " runs on a state backend (now " + job(id) + ")",
          JOB_START,
          () -> job(id).stateBackend() != null);
      return job(id);
    }

    @Override
    public void close() {
      server.close();
      platform.close();
    }
  }

  private String submitTicks(TestDistribution dist, Path jar) {
    assertThat(sluice(dist, "submit", jar.toString())).as(err()).isZero();
    Matcher id = Pattern.compile("submitted job (job-[0-9a-f]+-\\d+) \\(").matcher(out());
    assertThat(id.find()).as(out()).isTrue();
    return id.group(1);
  }

  @Test
  void backendShowsTheSelectionAndUnknownNamesListTheAvailableBackends() throws Exception {
    TestDistribution dist = TestDistribution.copy(home);
    try (Running running = Running.start(dist, "core")) {
      assertThat(sluice(dist, "backend")).as(err()).isZero();
      assertThat(out().lines().toList())
          .hasSize(3)
          .satisfies(l -> assertThat(l.get(1)).matches("state backend\\s+heap\\s+-\\s+heap"))
          .satisfies(l -> assertThat(l.get(2)).matches("checkpoint storage\\s+fs\\s+fs\\s+fs"));

      assertThat(sluice(dist, "backend", "state", "rocksdb")).isEqualTo(1);
      assertThat(err().strip())
          .isEqualTo(
              "sluice: no state backend 'rocksdb'; available: heap (install it with: sluice"
                  + " feature install rocksdb)");

      assertThat(sluice(dist, "backend", "state", "memory")).isEqualTo(1);
      assertThat(err().strip()).isEqualTo("sluice: no state backend 'memory'; available: heap");
      assertThat(running.platform().configuration("io.sluice.runtime").orElseThrow())
          .doesNotContainKey("state.backend");
    }
  }

  @Test
  void unknownJobsAndBadSavepointPathsAreRefusedInOneLine() throws Exception {
    TestDistribution dist = TestDistribution.copy(home);
    Path ticks = TestJobs.ticks(dist, home.resolve("work"));
    Path missing = home.resolve("no-such-savepoint");
    Path empty = Files.createDirectories(home.resolve("empty-savepoint"));

    assertThat(sluice(dist, "run", ticks.toString(), "--from-savepoint", missing.toString()))
        .isEqualTo(1);
    assertThat(err().strip())
        .isEqualTo(
            "sluice: no savepoint at "
                + missing
                + ": no such folder; pass the folder sluice savepoint printed");

    try (Running running = Running.start(dist, "core")) {
      for (String[] command :
          List.of(
              new String[] {"savepoint", "job-9999"},
              new String[] {"stop", "job-9999", "--savepoint", home.toString()},
              new String[] {"cancel", "job-9999"})) {
        assertThat(sluice(dist, command)).as(String.join(" ", command)).isEqualTo(1);
        assertThat(err().strip())
            .isEqualTo("sluice: no job job-9999; `sluice list` shows the known jobs");
      }

      assertThat(sluice(dist, "submit", ticks.toString(), "--from-savepoint", missing.toString()))
          .isEqualTo(1);
      assertThat(err().strip()).startsWith("sluice: no savepoint at " + missing + ": no such");

      assertThat(sluice(dist, "submit", ticks.toString(), "--from-savepoint", empty.toString()))
          .isEqualTo(1);
      assertThat(err())
          .startsWith(
              "sluice: the runtime refused job ticks.jar: cannot start from savepoint "
                  + empty
                  + ": ")
          .hasLineCount(1);
      assertThat(running.platform().jobControl().list()).isEmpty();
    }
  }

  @Test
  void savepointOfARunningJobPrintsItsPathOrTheRuntimesReason() throws Exception {
    TestDistribution dist = TestDistribution.copy(home);
    Path ticks = TestJobs.ticks(dist, home.resolve("work"));
    Path target = home.resolve("savepoints");
    try (Running running = Running.start(dist, "core")) {
      String id = submitTicks(dist, ticks);
      running.awaitDeployed(id);

      int code = sluice(dist, "savepoint", id, target.toString());

      assertThat(running.job(id).status()).isEqualTo("RUNNING");
      assertThat(code).as(err()).isZero();
      Matcher path =
          Pattern.compile(
                  "savepoint of job "
                      + id
                      + " completed \\(checkpoint \\d+, \\d+\\.\\d{3} s\\): (\\S+)\\R")
              .matcher(out());
      assertThat(path.matches()).as(out()).isTrue();
      assertThat(Path.of(path.group(1))).isDirectory().startsWith(target);

      assertThat(sluice(dist, "stop", id, "--savepoint", target.toString())).as(err()).isZero();
      assertThat(out()).startsWith("job " + id + " stopped with a savepoint (checkpoint ");
      assertThat(running.platform().jobControl().termination(id).get().status())
          .isEqualTo("FINISHED");
    }
  }

  @Test
  void backendStateRocksdbThenHeapMovesTheRunningJobAndKeepsItRunning() throws Exception {
    TestDistribution dist = TestDistribution.copy(home);
    Path ticks = TestJobs.ticks(dist, home.resolve("work"));
    Path runtimeConf = dist.distribution.conf().resolve("io.sluice.runtime.cfg");
    try (Running running = Running.start(dist, "core", "rocksdb")) {
      String id = submitTicks(dist, ticks);
      assertThat(running.awaitDeployed(id).stateBackend()).isEqualTo("heap");
      assertThat(sluice(dist, "list")).isZero();
      assertThat(out().lines().toList())
          .element(1)
          .asString()
          .matches(id + "\\s+RUNNING\\s+ticks\\s+\\d+\\s+heap\\s+(-|\\d+)\\s+\\S+\\s+-");
      assertThat(sluice(dist, "backend")).isZero();
      assertThat(out()).containsPattern("state backend\\s+heap\\s+-\\s+heap, rocksdb");

      int toRocksdb = sluice(dist, "backend", "state", "rocksdb");
      String rocksdbOut = out();
      assertThat(rocksdbOut).startsWith("state backend: heap -> rocksdb\n");
      assertThat(running.job(id).status()).isEqualTo("RUNNING");
      assertThat(running.platform().jobControl().backends().stateBackend()).isEqualTo("rocksdb");
      Await.until(
          "File Install saved state.backend = rocksdb to " + runtimeConf,
          TestDistribution.TIMEOUT,
          () -> fileContains(runtimeConf, "state.backend\\s*=\\s*rocksdb"));

      int toHeap = sluice(dist, "backend", "state", "heap");
      String heapOut = out();
      assertThat(heapOut).startsWith("state backend: rocksdb -> heap\n");
      assertThat(running.job(id).status()).isEqualTo("RUNNING");
      assertThat(running.platform().jobControl().backends().stateBackend()).isEqualTo("heap");
      Await.until(
          "File Install saved state.backend = heap to " + runtimeConf,
          TestDistribution.TIMEOUT,
          () -> fileContains(runtimeConf, "state.backend\\s*=\\s*heap"));

      assertThat(toRocksdb).as(rocksdbOut).isZero();
      String move = "job " + id + " \\(ticks\\) moved %s in \\d+\\.\\d{3} s through savepoint \\S+";
      assertThat(rocksdbOut.lines().skip(1).toList())
          .singleElement()
          .asString()
          .matches(String.format(move, "heap -> rocksdb"));
      assertThat(toHeap).as(heapOut).isZero();
      assertThat(heapOut.lines().skip(1).toList())
          .singleElement()
          .asString()
          .matches(String.format(move, "rocksdb -> heap"));
      assertThat(running.job(id).stateBackend()).isEqualTo("heap");
    }
  }

  private static boolean fileContains(Path file, String regex) {
    try {
      return Pattern.compile(regex).matcher(Files.readString(file)).find();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
