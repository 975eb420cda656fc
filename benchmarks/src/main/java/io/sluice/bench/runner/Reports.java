package io.sluice.bench.runner;

import io.sluice.bench.common.Json;
import io.sluice.bench.common.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a finished run as {@code latest.json} and {@code latest.md}. */
final class Reports {
  private Reports() {}

  /**
   * What the report says about the circumstances.
   *
   * @param plan the plan that ran
   * @param calibration how its records were fitted to the machine
   * @param machine where
   * @param startedAt ISO-8601 start time
   * @param minutes how long the whole run took
   * @param loadBefore 1-minute load average before the first child
   * @param loadAfter 1-minute load average after the last child
   * @param flinkVersion the Flink version measured
   */
  record Context(
      Plan plan,
      MachineCalibration calibration,
      MachineInfo machine,
      String startedAt,
      double minutes,
      double loadBefore,
      double loadAfter,
      String flinkVersion) {}

  static String json(Context context, List<CaseSummary> summaries, List<RunResult> runs) {
    List<String> summaryJson = new ArrayList<>();
    for (CaseSummary s : summaries) {
      summaryJson.add(
          Json.object()
              .put("benchmark", s.benchCase().benchmark().id())
              .put("parallelism", s.benchCase().parallelism())
              .put("records", s.benchCase().records())
              .put("repetitions", s.benchCase().repetitions())
              .put("sluiceRecordsPerSecond", s.sluice().recordsPerSecond())
              .put("flinkRecordsPerSecond", s.flink().recordsPerSecond())
              .put("ratioSluiceToFlink", s.ratio())
              .put("sluiceRecordsPerSecondLow", s.sluice().recordsPerSecondRange().low())
              .put("sluiceRecordsPerSecondHigh", s.sluice().recordsPerSecondRange().high())
              .put("flinkRecordsPerSecondLow", s.flink().recordsPerSecondRange().low())
              .put("flinkRecordsPerSecondHigh", s.flink().recordsPerSecondRange().high())
              .put("pairedRatioLow", s.pairedRatios().low())
              .put("pairedRatioHigh", s.pairedRatios().high())
              .put("sluicePeakRssMib", s.sluice().peakRssMib())
              .put("flinkPeakRssMib", s.flink().peakRssMib())
              .put("sluiceJobMillis", s.sluice().jobMillis())
              .put("flinkJobMillis", s.flink().jobMillis())
              .put("sluiceLatencyP50Micros", s.sluice().latencyP50Micros())
              .put("sluiceLatencyP99Micros", s.sluice().latencyP99Micros())
              .put("flinkLatencyP50Micros", s.flink().latencyP50Micros())
              .put("flinkLatencyP99Micros", s.flink().latencyP99Micros())
              .put(
                  "plainJavaRecordsPerSecond",
                  s.baseline() == null ? null : s.baseline().recordsPerSecond())
              .put("zeroCostEngineRatio", s.baseline() == null ? null : s.zeroCostEngineRatio())
              .put("outputsAgree", s.outputsAgree())
              .toString());
    }
    List<String> runJson = new ArrayList<>();
    for (RunResult run : runs) {
      runJson.add(run.toJson());
    }
    return Json.object()
            .put("plan", context.plan().name())
            .put("repetitions", context.plan().maxRepetitions())
            .put("warmupsPerChild", context.plan().warmups())
            .put("warmupRecordFraction", context.plan().warmupFraction())
            .put("recordScale", context.plan().recordScale())
            .put(
                "calibrationProbeRecordsPerSecond",
                Double.isNaN(context.calibration().probeRecordsPerSecond())
                    ? null
                    : context.calibration().probeRecordsPerSecond())
            .put("startedAt", context.startedAt())
            .put("minutes", context.minutes())
            .put("loadAverageBefore", context.loadBefore())
            .put("loadAverageAfter", context.loadAfter())
            .put("flinkVersion", context.flinkVersion())
            .put("childJvmOptions", String.join(" ", ChildLauncher.JVM_OPTIONS))
            .put("machine", new Json.Raw(context.machine().toJson().toString()))
            .put("summary", Json.array(summaryJson))
            .put("runs", Json.array(runJson))
            .toString()
        + "\n";
  }

  static String markdown(Context context, List<CaseSummary> summaries) {
    StringBuilder md = new StringBuilder();
    md.append("# Sluice vs Apache Flink — latest run (")
        .append(context.plan().name())
        .append(")\n\n");
    md.append("- When: ").append(context.startedAt());
    md.append(String.format(" (%.1f min)%n", context.minutes()));
    md.append("- Machine: ").append(context.machine().describe()).append('\n');
    md.append("- Records: ").append(context.calibration().describe()).append('\n');
    md.append(
        String.format(
            "- Load average (1 min) before / after: %.2f / %.2f — the machine may be shared, so"
                + " compare the engines with each other, not with other runs%n",
            context.loadBefore(), context.loadAfter()));
    md.append("- Flink ")
        .append(context.flinkVersion())
        .append(" MiniCluster (1 TaskManager, object reuse) vs Sluice testkit LocalEnvironment;")
        .append(" child JVMs: `")
        .append(String.join(" ", ChildLauncher.JVM_OPTIONS))
        .append("`\n");
    Plan plan = context.plan();
    md.append(
        String.format(
            "- %s measured runs per engine and benchmark (column runs), each in a fresh JVM after"
                + " %d warm-up run(s) of the same job on %.0f %% of its records; engines alternate;"
                + " medians shown%n%n",
            plan.minRepetitions() == plan.maxRepetitions()
                ? Integer.toString(plan.maxRepetitions())
                : plan.minRepetitions() + "–" + plan.maxRepetitions(),
            plan.warmups(),
            plan.warmupFraction() * 100));
    md.append(
        "| benchmark | p | records | runs | Sluice rec/s | Flink rec/s | Sluice/Flink |"
            + " Sluice peak RSS | Flink peak RSS | latency p50 / p99 Sluice · Flink |"
            + " outputs agree |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (CaseSummary s : summaries) {
      md.append(
          String.format(
              "| %s | %d | %s | %d | %s | %s | %.2f | %.0f MiB | %.0f MiB | %s | %s |%n",
              s.benchCase().benchmark().id(),
              s.benchCase().parallelism(),
              count(s.benchCase().records()),
              s.benchCase().repetitions(),
              count(s.sluice().recordsPerSecond()),
              count(s.flink().recordsPerSecond()),
              s.ratio(),
              s.sluice().peakRssMib(),
              s.flink().peakRssMib(),
              latency(s),
              s.outputsAgree() ? "yes" : "**NO**"));
    }
    md.append(
        "\nrec/s = generated records per second from the first generated record to the end of the"
            + " last sink (deployment excluded). Peak RSS = VmHWM of the child JVM, warm-up"
            + " included.\n");
    engineCosts(md, summaries);
    spread(md, summaries);
    for (CaseSummary s : summaries) {
      if (!s.outputsAgree()) {
        md.append("\n**Outputs differ for ").append(s.benchCase().label()).append(":**\n");
        for (Map.Entry<String, List<String>> e : s.outcomes().entrySet()) {
          md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
      }
    }
    return md.toString();
  }

  /**
   * Where a plain Java loop does the same input, functions and sink work without an engine, each
   * engine's own cost per record: what the throughput ratio hides when the shared work dominates.
   */
  private static void engineCosts(StringBuilder md, List<CaseSummary> summaries) {
    List<CaseSummary> withBaseline = summaries.stream().filter(s -> s.baseline() != null).toList();
    if (withBaseline.isEmpty()) {
      return;
    }
    md.append(
        "\n### Engine cost per record\n\n"
            + "The same generator, functions and checksum sink in one plain Java loop (no engine)"
            + " give what every engine pays anyway; an engine's own cost per record is its time per"
            + " record minus the loop's (medians). The loop is also what an engine that cost"
            + " nothing would run at: its throughput over Flink's is the Sluice/Flink ratio such an"
            + " engine would reach (the bound for any engine; medians of runs that spread, so a"
            + " measured ratio may land a little above it).\n\n");
    md.append(
        "| benchmark | p | plain Java rec/s | shared work ns/rec | Sluice engine ns/rec |"
            + " Flink engine ns/rec | Flink/Sluice engine cost | Sluice/Flink |"
            + " bound for any engine |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (CaseSummary s : withBaseline) {
      double sluice = s.engineNanosPerRecord(s.sluice());
      double flink = s.engineNanosPerRecord(s.flink());
      md.append(
          String.format(
              "| %s | %d | %s | %.1f | %.1f | %.1f | %s | %.2f | %.2f |%n",
              s.benchCase().benchmark().id(),
              s.benchCase().parallelism(),
              count(s.baseline().recordsPerSecond()),
              1e9 / s.baseline().recordsPerSecond(),
              sluice,
              flink,
              sluice > 0 ? String.format("%.2f", flink / sluice) : "n/a (Sluice ≤ plain loop)",
              s.ratio(),
              s.zeroCostEngineRatio()));
    }
  }

  /**
   * The slowest and fastest run of each engine, and the lowest and highest ratio of two runs of the
   * same repetition: on a shared machine a single run says little, and a reader should see how far
   * a median of a few could move.
   */
  private static void spread(StringBuilder md, List<CaseSummary> summaries) {
    if (summaries.stream().allMatch(s -> s.sluice().runs() < 2 && s.flink().runs() < 2)) {
      return;
    }
    md.append(
        "\n### Spread of the runs\n\n"
            + "Slowest – fastest run of each engine, and the lowest – highest Sluice/Flink ratio of"
            + " the two runs of one repetition (run one after the other).\n\n");
    md.append("| benchmark | p | Sluice rec/s | Flink rec/s | Sluice/Flink per repetition |\n");
    md.append("|---|---:|---:|---:|---:|\n");
    for (CaseSummary s : summaries) {
      md.append(
          String.format(
              "| %s | %d | %s – %s | %s – %s | %.2f – %.2f |%n",
              s.benchCase().benchmark().id(),
              s.benchCase().parallelism(),
              count(s.sluice().recordsPerSecondRange().low()),
              count(s.sluice().recordsPerSecondRange().high()),
              count(s.flink().recordsPerSecondRange().low()),
              count(s.flink().recordsPerSecondRange().high()),
              s.pairedRatios().low(),
              s.pairedRatios().high()));
    }
  }

  private static String latency(CaseSummary s) {
    if (s.sluice().latencyP50Micros() == null || s.flink().latencyP50Micros() == null) {
      return "";
    }
    return String.format(
        "%s / %s · %s / %s",
        micros(s.sluice().latencyP50Micros()),
        micros(s.sluice().latencyP99Micros()),
        micros(s.flink().latencyP50Micros()),
        micros(s.flink().latencyP99Micros()));
  }

  static String micros(double micros) {
    return micros >= 1000
        ? String.format("%.1f ms", micros / 1000)
        : String.format("%.0f µs", micros);
  }

  static String count(double value) {
    if (value >= 1e6) {
      return String.format("%.2f M", value / 1e6);
    }
    if (value >= 1e3) {
      return String.format("%.1f k", value / 1e3);
    }
    return String.format("%.0f", value);
  }
}
