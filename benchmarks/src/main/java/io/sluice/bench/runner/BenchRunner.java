package io.sluice.bench.runner;

import io.sluice.bench.baseline.PlainJavaEngine;
import io.sluice.bench.common.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark case on both engines (and, where it applies, the plain Java baseline),
 * alternating, each measurement in a child JVM, then writes {@code latest.json}, {@code latest.md}
 * and {@code latest.png} and fails (exit status 1) if the engines' outputs differ anywhere.
 *
 * <pre>
 * java -cp … io.sluice.bench.runner.BenchRunner [--quick] [--results DIR] [--logs DIR]
 *     [--only SUBSTRING]
 * </pre>
 */
public final class BenchRunner {
  private BenchRunner() {}

  /**
   * The engines measured for a case: Sluice and Flink, plus the plain Java baseline where the plan
   * asks for it and the dataflow is a stateless chain at parallelism 1 ({@link
   * PlainJavaEngine#SUPPORTED}).
   */
  static List<String> engines(Plan plan, BenchCase benchCase) {
    return plan.plainJavaBaseline()
            && benchCase.parallelism() == 1
            && PlainJavaEngine.SUPPORTED.contains(benchCase.benchmark())
        ? List.of("sluice", "flink", "java")
        : List.of("sluice", "flink");
  }

  public static void main(String[] args) throws Exception {
    Plan plan = Plan.full();
    Path results = Path.of("results");
    Path logs = Path.of("target", "bench-logs");
    String only = null;
    boolean scale = true;
    Integer warmups = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> plan = Plan.quick();
        case "--results" -> results = Path.of(args[++i]);
        case "--logs" -> logs = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        case "--no-scale" -> scale = false;
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(
              "Unknown option "
                  + args[i]
                  + "; use [--quick] [--results DIR] [--logs DIR] [--only S] [--no-scale]"
                  + " [--warmups N]");
          System.exit(2);
        }
      }
    }
    if (only != null) {
      plan = plan.only(only);
    }
    if (warmups != null) {
      plan = plan.withWarmups(warmups);
    }
    System.exit(run(plan, scale, results, logs) ? 0 : 1);
  }

  /**
   * Runs the plan, its records scaled to this machine if {@code scale} ({@link
   * MachineCalibration}), and writes the reports; false if any outputs disagree.
   */
  static boolean run(Plan planned, boolean scale, Path results, Path logs)
      throws IOException, InterruptedException {
    Map<String, ChildLauncher> launchers = EngineLaunchers.create(logs);
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long startNanos = System.nanoTime();
    double loadBefore = MachineInfo.loadAverage();
    MachineCalibration calibration =
        MachineCalibration.none(
            scale
                ? "the " + planned.name() + " plan's runs are as short as they can be"
                : "--no-scale");
    if (scale && planned.minRecordScale() < 1.0) {
      RunResult probe = launchers.get("java").run(MachineCalibration.probe(), "java", 1, planned);
      calibration = MachineCalibration.of(probe.recordsPerSecond(), planned.minRecordScale());
    }
    System.out.println("Calibration: " + calibration.describe());
    Plan plan = calibration.scale() < 1.0 ? planned.scaledTo(calibration.scale()) : planned;
    int total =
        plan.cases().stream().mapToInt(c -> c.repetitions() * engines(plan, c).size()).sum();
    int done = 0;
    List<RunResult> runs = new ArrayList<>();
    List<CaseSummary> summaries = new ArrayList<>();
    String flinkVersion = "?";
    for (BenchCase benchCase : plan.cases()) {
      List<RunResult> caseRuns = new ArrayList<>();
      for (int rep = 1; rep <= benchCase.repetitions(); rep++) {
        List<String> engines = engines(plan, benchCase);
        for (int k = 0; k < engines.size(); k++) {
          // alternate which engine goes first, so neither always runs on a cooler machine
          String engine = engines.get((k + rep + 1) % engines.size());
          RunResult result = launchers.get(engine).run(benchCase, engine, rep, plan);
          caseRuns.add(result);
          if (engine.equals("flink")) {
            flinkVersion = result.engineVersion();
          }
          System.out.printf(
              "[%d/%d] %-18s %-6s #%d: %10s rec/s  (%d outputs, checksum %s, peak RSS %d MiB)%n",
              ++done,
              total,
              benchCase.label(),
              engine,
              rep,
              Reports.count(result.recordsPerSecond()),
              result.outputs(),
              result.checksum(),
              result.peakRssKib() / 1024);
        }
      }
      runs.addAll(caseRuns);
      summaries.add(CaseSummary.of(benchCase, caseRuns));
    }
    Reports.Context context =
        new Reports.Context(
            plan,
            calibration,
            MachineInfo.current(),
            started.toString(),
            (System.nanoTime() - startNanos) / 60e9,
            loadBefore,
            MachineInfo.loadAverage(),
            flinkVersion);
    Files.createDirectories(results);
    Files.writeString(
        results.resolve("latest.json"),
        Reports.json(context, summaries, runs),
        StandardCharsets.UTF_8);
    String markdown = Reports.markdown(context, summaries);
    Files.writeString(results.resolve("latest.md"), markdown, StandardCharsets.UTF_8);
    BarChart.write(
        summaries,
        "Sluice vs Apache Flink " + flinkVersion + " — median throughput (" + plan.name() + ")",
        results.resolve("latest.png"));
    System.out.println();
    System.out.print(markdown);
    boolean agree = summaries.stream().allMatch(CaseSummary::outputsAgree);
    if (!agree) {
      System.err.println(
          "FAILED: the engines' outputs differ; see " + results.resolve("latest.md"));
    }
    return agree;
  }
}
