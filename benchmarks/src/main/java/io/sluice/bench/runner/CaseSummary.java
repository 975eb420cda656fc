package io.sluice.bench.runner;

import io.sluice.bench.common.RunResult;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * The medians of one case over its repetitions, per engine, and whether every run produced the same
 * output.
 *
 * @param benchCase the case
 * @param sluice Sluice's medians
 * @param flink Flink's medians
 * @param baseline the plain Java loop's medians (same input, functions and sink, no engine), or
 *     null where the case has no such baseline
 * @param outputsAgree whether all runs (of every engine) agree on the output count and checksum
 * @param outcomes each distinct (outputs, checksum) seen, with the engines that produced it
 * @param pairedRatios the lowest and highest Sluice/Flink ratio of two runs of the same repetition
 *     (the i-th run of each engine; they ran one after the other, so they saw the machine alike)
 */
public record CaseSummary(
    BenchCase benchCase,
    EngineMedians sluice,
    EngineMedians flink,
    EngineMedians baseline,
    boolean outputsAgree,
    Map<String, List<String>> outcomes,
    Range pairedRatios) {

  /** Sluice's median throughput over Flink's. */
  public double ratio() {
    return sluice.recordsPerSecond() / flink.recordsPerSecond();
  }

  /**
   * What {@code engine} adds per record to the work every engine does anyway (input generation, the
   * query's functions, the checksum sink): its time per record minus the plain loop's, in
   * nanoseconds. Needs a {@link #baseline}.
   */
  public double engineNanosPerRecord(EngineMedians engine) {
    return 1e9 / engine.recordsPerSecond() - 1e9 / requireBaseline().recordsPerSecond();
  }

  /**
   * The highest Sluice/Flink ratio any engine could reach in this run: an engine that cost nothing
   * would run at the plain loop's speed, so the ratio is bounded by the loop's median throughput
   * over Flink's, {@code (shared + flink) / shared} per record. A target above it cannot be met by
   * the engine, only by cheaper shared work (up to the spread of the runs whose medians these are).
   * Needs a {@link #baseline}.
   */
  public double zeroCostEngineRatio() {
    return requireBaseline().recordsPerSecond() / flink.recordsPerSecond();
  }

  private EngineMedians requireBaseline() {
    if (baseline == null) {
      throw new IllegalStateException(benchCase.label() + " has no plain Java baseline");
    }
    return baseline;
  }

  /**
   * Medians over an engine's runs of a case.
   *
   * @param runs measured runs
   * @param recordsPerSecond median throughput
   * @param recordsPerSecondRange the slowest and the fastest run's throughput
   * @param processingMillis median processing time
   * @param jobMillis median time of the whole job call (deployment included)
   * @param peakRssMib median peak resident set of the child JVM
   * @param latencyP50Micros median of the runs' median latency, or null
   * @param latencyP99Micros median of the runs' 99th percentile latency, or null
   */
  public record EngineMedians(
      int runs,
      double recordsPerSecond,
      Range recordsPerSecondRange,
      double processingMillis,
      double jobMillis,
      double peakRssMib,
      Double latencyP50Micros,
      Double latencyP99Micros) {

    static EngineMedians of(List<RunResult> runs) {
      if (runs.isEmpty()) {
        throw new IllegalArgumentException("no runs to summarize");
      }
      return new EngineMedians(
          runs.size(),
          median(runs, RunResult::recordsPerSecond),
          Range.of(runs.stream().mapToDouble(RunResult::recordsPerSecond)),
          median(runs, RunResult::processingMillis),
          median(runs, RunResult::jobMillis),
          median(runs, r -> r.peakRssKib() / 1024.0),
          runs.get(0).latencyP50Micros() == null ? null : median(runs, RunResult::latencyP50Micros),
          runs.get(0).latencyP99Micros() == null
              ? null
              : median(runs, RunResult::latencyP99Micros));
    }
  }

  static CaseSummary of(BenchCase benchCase, List<RunResult> runs) {
    Map<String, List<RunResult>> byEngine = new TreeMap<>();
    Map<String, List<String>> outcomes = new TreeMap<>();
    for (RunResult run : runs) {
      byEngine.computeIfAbsent(run.engine(), k -> new ArrayList<>()).add(run);
      outcomes
          .computeIfAbsent(
              run.outputs() + " outputs, checksum " + run.checksum(), k -> new ArrayList<>())
          .add(run.engine());
    }
    List<RunResult> baseline = byEngine.get("java");
    List<RunResult> sluice = byEngine.getOrDefault("sluice", List.of());
    List<RunResult> flink = byEngine.getOrDefault("flink", List.of());
    return new CaseSummary(
        benchCase,
        EngineMedians.of(sluice),
        EngineMedians.of(flink),
        baseline == null ? null : EngineMedians.of(baseline),
        outcomes.size() == 1,
        outcomes,
        Range.of(
            IntStream.range(0, Math.min(sluice.size(), flink.size()))
                .mapToDouble(
                    i -> sluice.get(i).recordsPerSecond() / flink.get(i).recordsPerSecond())));
  }

  /**
   * The lowest and the highest of some values: how far single runs on a shared machine lie apart,
   * which a median hides.
   */
  public record Range(double low, double high) {
    static Range of(DoubleStream values) {
      DoubleSummaryStatistics stats = values.summaryStatistics();
      if (stats.getCount() == 0) {
        throw new IllegalArgumentException("no values for a range");
      }
      return new Range(stats.getMin(), stats.getMax());
    }
  }

  /** The median (the mean of the middle two for an even count). */
  static <T> double median(List<T> values, ToDoubleFunction<T> metric) {
    double[] sorted = values.stream().mapToDouble(metric).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
