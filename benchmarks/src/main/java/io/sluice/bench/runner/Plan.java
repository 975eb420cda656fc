package io.sluice.bench.runner;

import io.sluice.bench.common.Benchmark;
import java.util.ArrayList;
import java.util.List;

/**
 * What a runner invocation measures: the cases (each with its record count and repetitions) and the
 * warm-up runs inside each child JVM. The quick plan fits in five minutes on an idle 2-core
 * machine, build included, the full one in under thirty.
 *
 * @param name "quick" or "full"
 * @param cases the cases, in run order
 * @param warmups unmeasured runs of the same job before the measured one, in the same JVM
 * @param warmupFraction the share of the measured run's records each warm-up run generates: the JIT
 *     compiles the hot paths within a fraction of a run, so full-size warm-ups would mostly double
 *     the time the plan takes
 * @param plainJavaBaseline whether the plain Java baseline runs beside the engines where it applies
 *     (the full plan; the quick one has no minutes to spare for it)
 */
public record Plan(
    String name,
    List<BenchCase> cases,
    int warmups,
    double warmupFraction,
    boolean plainJavaBaseline) {
  /**
   * The share of records a warm-up run generates in both plans: all of them. Quarter-size warm-ups
   * were tried and left the JIT short of the hot paths, more so for Sluice (NEXMark q3 at 1.5 M
   * events: 4.98 M rec/s after a quarter-size warm-up, 6.62 M after a full one; Flink 4.70 M and
   * 5.32 M), so the ratios measured warm-up speed, not throughput.
   */
  static final double WARMUP_FRACTION = 1.0;

  /** Measured runs per engine of every case in the full plan. */
  private static final int FULL_REPETITIONS = 5;

  /**
   * A quarter to a third of the full plan's records, two repetitions per engine, no plain Java
   * baseline. Runs long enough (about 0.2 to 1 s measured) that the JIT has compiled the hot paths
   * in the warm-up; shorter runs (a tenth of the records) gave ratios up to a third off the full
   * plan's, mostly against the engine whose code compiles later.
   */
  public static Plan quick() {
    return new Plan("quick", cases(true), 1, WARMUP_FRACTION, false);
  }

  /** Five repetitions per engine of every case. */
  public static Plan full() {
    return new Plan("full", cases(false), 1, WARMUP_FRACTION, true);
  }

  /** The most measured runs any case has per engine. */
  public int maxRepetitions() {
    return cases.stream().mapToInt(BenchCase::repetitions).max().orElse(0);
  }

  /** The fewest measured runs any case has per engine. */
  public int minRepetitions() {
    return cases.stream().mapToInt(BenchCase::repetitions).min().orElse(0);
  }

  /** The cases whose label contains {@code filter}, the rest of the plan unchanged. */
  public Plan only(String filter) {
    return new Plan(
        name,
        cases.stream().filter(c -> c.label().contains(filter)).toList(),
        warmups,
        warmupFraction,
        plainJavaBaseline);
  }

  /**
   * Every case. The full plan's record counts give each measured run one to three seconds on an
   * idle 2-core machine (on the slower engine), so the slow cases get fewer records; the state
   * benchmarks keep at least three records per key in both plans, so most of their state accesses
   * read a stored value.
   */
  private static List<BenchCase> cases(boolean quick) {
    List<BenchCase> cases = new ArrayList<>();
    CaseList add =
        (benchmark, parallelism, fullRecords, quickRecords, quickRepetitions) ->
            cases.add(
                quick
                    ? new BenchCase(benchmark, parallelism, quickRecords, quickRepetitions)
                    : new BenchCase(benchmark, parallelism, fullRecords, FULL_REPETITIONS));
    add.to(Benchmark.CHAINED_MAP, 1, 50_000_000, 20_000_000, 2);
    add.to(Benchmark.KEYBY_REDUCE, 1, 15_000_000, 5_000_000, 2);
    add.to(Benchmark.KEYBY_REDUCE, 2, 15_000_000, 5_000_000, 2);
    add.to(Benchmark.REBALANCE, 2, 20_000_000, 5_000_000, 2);
    add.to(Benchmark.WINDOW_AGGREGATE, 1, 3_000_000, 1_000_000, 2);
    add.to(Benchmark.WINDOW_AGGREGATE, 2, 3_000_000, 1_000_000, 2);
    add.to(Benchmark.STATE_HEAP, 1, 5_000_000, 1_500_000, 2);
    add.to(Benchmark.STATE_ROCKSDB, 1, 500_000, 300_000, 2);
    add.to(Benchmark.POJO_SHUFFLE, 2, 4_000_000, 1_500_000, 2);
    add.to(Benchmark.NEXMARK_Q0, 1, 5_000_000, 1_500_000, 2);
    add.to(Benchmark.NEXMARK_Q1, 1, 5_000_000, 1_500_000, 2);
    add.to(Benchmark.NEXMARK_Q2, 1, 5_000_000, 1_500_000, 2);
    add.to(Benchmark.NEXMARK_Q3, 1, 5_000_000, 1_500_000, 2);
    add.to(Benchmark.NEXMARK_Q4, 1, 2_000_000, 600_000, 2);
    add.to(Benchmark.NEXMARK_Q5, 1, 1_250_000, 500_000, 2);
    add.to(Benchmark.NEXMARK_Q7, 1, 3_000_000, 1_000_000, 2);
    add.to(Benchmark.NEXMARK_Q8, 1, 4_000_000, 1_000_000, 2);
    add.to(Benchmark.NEXMARK_Q11, 1, 1_500_000, 500_000, 2);
    return List.copyOf(cases);
  }

  /** Adds one case to the list being built. */
  @FunctionalInterface
  private interface CaseList {
    void to(
        Benchmark benchmark,
        int parallelism,
        long fullRecords,
        long quickRecords,
        int quickRepetitions);
  }
}
