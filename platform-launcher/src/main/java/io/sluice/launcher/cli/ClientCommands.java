package io.sluice.launcher.cli;

import io.sluice.launcher.control.ControlClient;
import io.sluice.launcher.control.ControlClient.Param;
import io.sluice.launcher.platform.Distribution;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands that talk to the running platform's control API and print its answers for people.
 * Paths are resolved here, against the caller's working directory, before they are sent.
 */
final class ClientCommands {

  private final Distribution distribution;
  private final ControlClient client;
  private final PrintStream out;

  ClientCommands(Distribution distribution, ControlClient client, PrintStream out) {
    this.distribution = distribution;
    this.client = client;
    this.out = out;
  }

  int submit(Command.Submit command) {
    Path jar = JobLocator.resolve(distribution, command.job());
    List<Param> params = new ArrayList<>();
    params.add(new Param("jar", jar.toString()));
    if (command.parallelism() > 0) {
      params.add(new Param("parallelism", Integer.toString(command.parallelism())));
    }
    command.args().forEach(a -> params.add(new Param("arg", a)));
    String savepoint = SavepointPaths.existing(command.restore().fromSavepoint());
    if (savepoint != null) {
      params.add(new Param("fromSavepoint", savepoint));
      if (command.restore().allowNonRestoredState()) {
        params.add(new Param("allowNonRestoredState", "true"));
      }
    }
    Map<String, Object> job = client.post("/jobs", ControlClient.params(params));
    out.println(
        "submitted job "
            + job.get("id")
            + " ("
            + job.get("name")
            + "), status "
            + job.get("status"));
    return 0;
  }

  int list() {
    Table table =
        new Table("ID", "STATUS", "NAME", "BUNDLE", "BACKEND", "CHECKPOINT", "STARTED", "ERROR");
    for (Map<String, Object> job : objects(client.get("/jobs").get("jobs"))) {
      Object checkpoint = job.get("lastCheckpointId");
      table.row(
          job.get("id"),
          job.get("status"),
          job.get("name"),
          job.get("bundleId"),
          job.get("stateBackend") == null ? "-" : job.get("stateBackend"),
          checkpoint instanceof Number n && n.longValue() >= 0 ? n : "-",
          Instant.ofEpochMilli(((Number) job.get("startTimeMillis")).longValue()),
          firstLine(job.get("error")));
    }
    table.print(out);
    return 0;
  }

  int cancel(Command.Cancel command) {
    Map<String, Object> job =
        client.post("/jobs/" + ControlClient.segment(command.jobId()) + "/cancel");
    out.println("job " + job.get("id") + " (" + job.get("name") + ") is " + job.get("status"));
    return 0;
  }

  int savepoint(Command.Savepoint command) {
    Map<String, Object> savepoint =
        client.post(
            "/jobs/" + ControlClient.segment(command.jobId()) + "/savepoint",
            directory(command.directory()));
    out.println(
        "savepoint of job "
            + savepoint.get("jobId")
            + " completed (checkpoint "
            + savepoint.get("checkpointId")
            + ", "
            + seconds(savepoint.get("durationMillis"))
            + "): "
            + savepoint.get("path"));
    return 0;
  }

  int stopJob(Command.StopJob command) {
    Map<String, Object> savepoint =
        client.post(
            "/jobs/" + ControlClient.segment(command.jobId()) + "/stop",
            directory(command.directory()));
    out.println(
        "job "
            + savepoint.get("jobId")
            + " stopped with a savepoint (checkpoint "
            + savepoint.get("checkpointId")
            + ", "
            + seconds(savepoint.get("durationMillis"))
            + "): "
            + savepoint.get("path"));
    return 0;
  }

  int backends() {
    Map<String, Object> b = client.get("/backends");
    Table table = new Table("KIND", "SELECTED", "CONFIGURED", "AVAILABLE");
    table.row(
        "state backend",
        orDash(b.get("stateBackend")),
        orDash(b.get("configuredStateBackend")),
        names(b.get("stateBackends")));
    table.row(
        "checkpoint storage",
        orDash(b.get("checkpointStorage")),
        orDash(b.get("configuredCheckpointStorage")),
        names(b.get("checkpointStorages")));
    table.print(out);
    return 0;
  }

  int selectStateBackend(Command.SelectStateBackend command) {
    Map<String, Object> result =
        client.post("/backends/state/" + ControlClient.segment(command.name()));
    Object previous = result.get("previous");
    Object selected = result.get("selected");
    out.println(
        selected.equals(previous)
            ? "state backend: " + selected + " (already selected)"
            : "state backend: " + previous + " -> " + selected);
    List<Map<String, Object>> moves = objects(result.get("moves"));
    if (moves.isEmpty()) {
      out.println("no running job had to move");
    }
    boolean failed = false;
    for (Map<String, Object> move : moves) {
      String job = "job " + move.get("jobId") + " (" + move.get("jobName") + ")";
      String backends = move.get("oldBackend") + " -> " + move.get("newBackend");
      if (move.get("error") != null) {
        failed = true;
        out.println(job + " did not move " + backends + ": " + move.get("error"));
      } else if (move.get("savepointPath") != null) {
        out.println(
            job
                + " moved "
                + backends
                + " in "
                + seconds(move.get("durationMillis"))
                + " through savepoint "
                + move.get("savepointPath"));
      } else {
        out.println(
            job
                + " restarted "
                + backends
                + " in "
                + seconds(move.get("durationMillis"))
                + " from checkpoint "
                + move.get("restoredCheckpointId")
                + " ("
                + move.get("oldBackend")
                + " was gone)");
      }
    }
    return failed ? 1 : 0;
  }

  int bundles() {
    Table table = new Table("ID", "STATE", "LEVEL", "SYMBOLIC-NAME", "VERSION");
    for (Map<String, Object> b : objects(client.get("/bundles").get("bundles"))) {
      table.row(
          b.get("id"),
          b.get("state"),
          b.get("startLevel"),
          b.get("symbolicName"),
          b.get("version"));
    }
    table.print(out);
    return 0;
  }

  int install(Command.Install command) {
    Path jar = Path.of(command.jar()).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(command.jar() + " does not exist or is not a file");
    }
    Map<String, Object> b = client.post("/bundles", new Param("path", jar.toString()));
    out.println(
        "installed bundle "
            + b.get("id")
            + " "
            + b.get("symbolicName")
            + " "
            + b.get("version")
            + ", "
            + b.get("state"));
    return 0;
  }

  int uninstall(Command.Uninstall command) {
    Map<String, Object> b = client.delete("/bundles/" + command.bundleId());
    out.println(
        "uninstalled bundle " + b.get("id") + " " + b.get("symbolicName") + " " + b.get("version"));
    return 0;
  }

  int features() {
    Table table = new Table("NAME", "INSTALLED", "REQUIRES", "DESCRIPTION");
    for (Map<String, Object> f : objects(client.get("/features").get("features"))) {
      Object requires = f.get("requires");
      table.row(
          f.get("name"),
          Boolean.TRUE.equals(f.get("installed")) ? "yes" : "no",
          requires instanceof List<?> l && !l.isEmpty()
              ? String.join(",", l.stream().map(String::valueOf).toList())
              : "-",
          f.get("description"));
    }
    table.print(out);
    return 0;
  }

  int feature(Command.FeatureChange command) {
    String action = command.install() ? "install" : "uninstall";
    Param[] params = command.dryRun() ? new Param[] {new Param("dryRun", "true")} : new Param[0];
    Map<String, Object> result =
        client.post("/features/" + ControlClient.segment(command.name()) + "/" + action, params);
    out.println(
        (command.dryRun() ? "plan for " : "")
            + action
            + " of feature "
            + command.name()
            + (command.dryRun() ? " (dry run, nothing changed):" : ":"));
    for (Object step : (List<?>) result.get("steps")) {
      out.println("  " + step);
    }
    List<?> problems = (List<?>) result.get("problems");
    for (Object problem : problems) {
      out.println("  PROBLEM  " + problem);
    }
    return problems.isEmpty() ? 0 : 1;
  }

  /** The {@code dir} parameter: an absolute folder, or none for the storage's default. */
  private static Param[] directory(String directory) {
    return directory == null
        ? new Param[0]
        : new Param[] {new Param("dir", SavepointPaths.absolute(directory))};
  }

  private static String seconds(Object millis) {
    double value = millis instanceof Number n ? n.doubleValue() / 1000 : 0;
    return String.format(Locale.ROOT, "%.3f s", value);
  }

  private static Object orDash(Object value) {
    return value == null ? "-" : value;
  }

  private static String names(Object list) {
    return list instanceof List<?> l && !l.isEmpty()
        ? String.join(", ", l.stream().map(String::valueOf).toList())
        : "none";
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> objects(Object list) {
    return (List<Map<String, Object>>) list;
  }

  private static String firstLine(Object error) {
    if (error == null) {
      return null;
    }
    String s = error.toString().strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " ...";
  }
}
