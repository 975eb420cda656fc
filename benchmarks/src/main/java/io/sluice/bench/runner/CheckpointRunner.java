package io.sluice.bench.runner;

import io.sluice.bench.common.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the checkpoint benchmark ({@code io.sluice.bench.checkpoint.CheckpointBenchMain}) several
 * times, each in a fresh child JVM with the same options as the engine benchmarks, and writes the
 * medians to {@code checkpoint.md} and {@code checkpoint.json}. Each run also measures the same
 * job's checkpoints on a Flink MiniCluster ({@code FlinkCheckpointScenario}) in its own child JVM,
 * engines alternating, unless {@code --no-flink}.
 *
 * <pre>
 * java -cp … io.sluice.bench.runner.CheckpointRunner [--runs 3] [--keys 1000000]
 *     [--checkpoints 3] [--change-percent 1] [--results DIR] [--logs DIR] [--no-flink]
 * </pre>
 */
public final class CheckpointRunner {
  private CheckpointRunner() {}

  public static void main(String[] args) throws Exception {
    int runs = 3;
    String keys = "1000000";
    String checkpoints = "3";
    String changePercent = "1";
    Path results = Path.of("results");
    Path logs = Path.of("target", "bench-logs");
    boolean withFlink = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--keys" -> keys = args[++i];
        case "--checkpoints" -> checkpoints = args[++i];
        case "--change-percent" -> changePercent = args[++i];
        case "--results" -> results = Path.of(args[++i]);
        case "--logs" -> logs = Path.of(args[++i]);
        case "--no-flink" -> withFlink = false;
        default -> {
          System.err.println(
              "Unknown option "
                  + args[i]
                  + "; use [--runs N] [--keys K] [--checkpoints C] [--change-percent P]"
                  + " [--results DIR] [--logs DIR] [--no-flink]");
          System.exit(2);
        }
      }
    }
    Map<String, ChildLauncher> launchers = EngineLaunchers.create(logs);
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long startNanos = System.nanoTime();
    double loadBefore = MachineInfo.loadAverage();
    List<Map<String, Object>> measured = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Map<String, Object> merged = new LinkedHashMap<>();
      // alternate which engine goes first, so neither always runs on a cooler machine
      List<String> order = run % 2 == 1 ? List.of("sluice", "flink") : List.of("flink", "sluice");
      for (String engine : order) {
        if (engine.equals("flink") && !withFlink) {
          continue;
        }
        System.err.printf("checkpoint benchmark, run %d of %d, %s ...%n", run, runs, engine);
        String line =
            launchers
                .get(engine)
                .runForJsonLine(
                    List.of(
                        "io.sluice.bench.checkpoint.CheckpointBenchMain",
                        "--engine",
                        engine,
                        "--keys",
                        keys,
                        "--checkpoints",
                        checkpoints,
                        "--change-percent",
                        changePercent),
                    "checkpoint-" + engine + "-" + run,
                    "checkpoint benchmark run " + run + " on " + engine);
        Json.parseFlatObject(line)
            .forEach((k, v) -> merged.put(engine.equals("flink") ? "flink." + k : k, v));
      }
      measured.add(merged);
    }
    double loadAfter = MachineInfo.loadAverage();
    double minutes = (System.nanoTime() - startNanos) / 60e9;
    MachineInfo machine = MachineInfo.current();
    Map<String, Object> first = measured.get(0);
    List<String> header =
        List.of(
            "When: " + started + String.format(" (%.1f min)", minutes),
            "Machine: " + machine.describe(),
            String.format(
                "Load average (1 min) before / after: %.2f / %.2f — the machine may be shared",
                loadBefore, loadAfter),
            String.format(
                "%d runs, each in a fresh JVM (%s); medians shown",
                runs, String.join(" ", ChildLauncher.JVM_OPTIONS)),
            String.format(
                "Job: an unbounded source → keyBy → a count per key in `ValueState<Long>`,"
                    + " parallelism 1, %s keys; %s keys (%s %%) change before every checkpoint but"
                    + " the first; RocksDB memory budget %s MB; file system checkpoint storage on"
                    + " local disk",
                first.get("keys"),
                first.get("changedKeysPerCheckpoint"),
                changePercent,
                first.get("rocksDbBudgetMb")),
            withFlink
                ? "Flink 2.3.0 MiniCluster, same job and steps, one cluster per backend: `hashmap`,"
                    + " `rocksdb` (non-incremental: Flink uploads every SST file, not a canonical"
                    + " format), `rocksdb` incremental; figures from Flink's checkpoint statistics"
                    + " (end-to-end duration, sync/async per subtask, state size and checkpointed"
                    + " size, metadata added); managed memory = the RocksDB budget"
                : "No Flink runs (--no-flink)");
    Json.ObjectBuilder headerJson =
        Json.object()
            .put("started", started.toString())
            .put("minutes", minutes)
            .put("machine", machine.toJson())
            .put("loadAverageBefore", loadBefore)
            .put("loadAverageAfter", loadAfter)
            .put("runs", runs)
            .put("jvmOptions", String.join(" ", ChildLauncher.JVM_OPTIONS))
            .put("changePercent", Double.parseDouble(changePercent));
    CheckpointReport report = new CheckpointReport(measured, header, headerJson);
    Files.createDirectories(results);
    Files.writeString(results.resolve("checkpoint.json"), report.json(), StandardCharsets.UTF_8);
    String markdown = report.markdown();
    Files.writeString(results.resolve("checkpoint.md"), markdown, StandardCharsets.UTF_8);
    System.out.print(markdown);
  }
}
