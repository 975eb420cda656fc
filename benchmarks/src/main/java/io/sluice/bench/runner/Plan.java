package io.sluice.bench.runner;

import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.LongWorkloads;
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
 * @param recordScale the share of the record counts below that the cases run ({@link #scaledTo}), 1
 *     where they were chosen
 */
public record Plan(
    String name,
    List<BenchCase> cases,
    int warmups,
    double warmupFraction,
    boolean plainJavaBaseline,
    double recordScale,
    double minRecordScale) {
  /**
   * The share of records a warm-up run generates in both plans: all of them. Quarter-size warm-ups
   * were tried and left the JIT short of the hot paths, more so for Sluice (NEXMark q3 at 1.5 M
   * events: 4.98 M rec/s after a quarter-size warm-up, 6.62 M after a full one; Flink 4.70 M and
   * 5.32 M), so the ratios measured warm-up speed, not throughput.
   */
  static final double WARMUP_FRACTION = 1.0;

  /** Measured runs per engine of every hot-path case in the full plan. */
  private static final int FULL_REPETITIONS = 5;

  /**
   * Measured runs per engine of every NEXMark case in the full plan. Their runs are the shortest
   * (one to two seconds) and spread the most on a shared VM: within one full run single NEXMark
   * runs of one engine, and of the plain Java loop, lay up to 2.8x apart, and the ratio of medians
   * of five moved by up to ±0.4 between full runs of the same code. Seven cost about three minutes
   * more.
   */
  private static final int NEXMARK_FULL_REPETITIONS = 7;

  /** Measured runs per engine of every case in the quick plan. */
  private static final int QUICK_REPETITIONS = 1;

  /**
   * A quarter to a third of the full plan's records, one repetition per engine, no plain Java
   * baseline. Runs long enough (about 0.2 to 1 s measured) that the JIT has compiled the hot paths
   * in the warm-up; shorter runs (a tenth of the records) gave ratios up to a third off the full
   * plan's, mostly against the engine whose code compiles later. One repetition, not two: a Flink
   * child JVM spends 4 to 7 s starting MiniClusters whatever the records, which alone took most of
   * five minutes with two repetitions on a slower 2-core machine.
   */
  public static Plan quick() {
    return new Plan("quick", cases(true), 1, WARMUP_FRACTION, false, 1.0, 1.0);
  }

  /** Five repetitions per engine of every hot-path case, seven of every NEXMark query. */
  public static Plan full() {
    return new Plan("full", cases(false), 1, WARMUP_FRACTION, true, 1.0, 0.5);
  }

  /**
   * This plan with every case's records scaled by {@code scale} (a slower machine gets fewer, so
   * the plan keeps to its minutes), but never below what the case needs to measure what it is named
   * for ({@link #minimumRecords}).
   */
  public Plan scaledTo(double scale) {
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException("a record scale is in (0, 1], not " + scale);
    }
    List<BenchCase> scaled =
        cases.stream()
            .map(
                c ->
                    new BenchCase(
                        c.benchmark(),
                        c.parallelism(),
                        Math.max(
                            minimumRecords(c.benchmark()),
                            Math.round(c.records() * scale / 10_000.0) * 10_000),
                        c.repetitions()))
            .toList();
    return new Plan(
        name, scaled, warmups, warmupFraction, plainJavaBaseline, scale, minRecordScale);
  }

  /**
   * The fewest records a case of {@code benchmark} runs: three per key for the state benchmarks
   * (most accesses then read a stored value), two windows' worth for window aggregation (windows
   * close during the warm-up too, not only at the end of input), 100,000 for the rest.
   */
  static long minimumRecords(Benchmark benchmark) {
    return switch (benchmark) {
      case STATE_HEAP, STATE_ROCKSDB -> 3 * LongWorkloads.STATE_KEYS;
      case WINDOW_AGGREGATE ->
          2 * LongWorkloads.WINDOW.toMillis() * LongWorkloads.RECORDS_PER_MILLI;
      default -> 100_000;
    };
  }

  /** This plan with {@code count} warm-up runs before each measured one. */
  public Plan withWarmups(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("warm-up runs cannot be negative: " + count);
    }
    return new Plan(
        name, cases, count, warmupFraction, plainJavaBaseline, recordScale, minRecordScale);
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
        plainJavaBaseline,
        recordScale,
        minRecordScale);
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
        (benchmark, parallelism, fullRecords, quickRecords) ->
            cases.add(
                quick
                    ? new BenchCase(benchmark, parallelism, quickRecords, QUICK_REPETITIONS)
                    : new BenchCase(
                        benchmark,
                        parallelism,
                        fullRecords,
                        benchmark.nexmark() ? NEXMARK_FULL_REPETITIONS : FULL_REPETITIONS));
    add.to(Benchmark.CHAINED_MAP, 1, 50_000_000, 20_000_000);
    add.to(Benchmark.KEYBY_REDUCE, 1, 15_000_000, 5_000_000);
    add.to(Benchmark.KEYBY_REDUCE, 2, 15_000_000, 5_000_000);
    add.to(Benchmark.REBALANCE, 2, 20_000_000, 5_000_000);
    add.to(Benchmark.WINDOW_AGGREGATE, 1, 3_000_000, 1_000_000);
    add.to(Benchmark.WINDOW_AGGREGATE, 2, 3_000_000, 1_000_000);
    add.to(Benchmark.STATE_HEAP, 1, 5_000_000, 1_500_000);
    add.to(Benchmark.STATE_ROCKSDB, 1, 500_000, 300_000);
    add.to(Benchmark.POJO_SHUFFLE, 2, 4_000_000, 1_500_000);
    add.to(Benchmark.NEXMARK_Q0, 1, 5_000_000, 1_500_000);
    add.to(Benchmark.NEXMARK_Q1, 1, 5_000_000, 1_500_000);
    add.to(Benchmark.NEXMARK_Q2, 1, 5_000_000, 1_500_000);
    add.to(Benchmark.NEXMARK_Q3, 1, 5_000_000, 1_500_000);
    add.to(Benchmark.NEXMARK_Q4, 1, 2_000_000, 600_000);
    add.to(Benchmark.NEXMARK_Q5, 1, 1_250_000, 500_000);
    add.to(Benchmark.NEXMARK_Q7, 1, 3_000_000, 1_000_000);
    add.to(Benchmark.NEXMARK_Q8, 1, 4_000_000, 1_000_000);
    add.to(Benchmark.NEXMARK_Q11, 1, 1_500_000, 500_000);
    return List.copyOf(cases);
  }

  /** Adds one case to the list being built. */
  @FunctionalInterface
  private interface CaseList {
    void to(Benchmark benchmark, int parallelism, long fullRecords, long quickRecords);
  }
}
