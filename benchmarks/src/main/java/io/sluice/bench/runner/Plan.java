package io.sluice.bench.runner;

import io.sluice.bench.common.Benchmark;
import java.util.List;

/**
 * What a runner invocation measures: the cases, how often each engine runs each case, and the
 * warm-up runs inside each child JVM. The quick plan fits in about five minutes on a 2-core
 * machine, the full one in under thirty.
 *
 * @param name "quick" or "full"
 * @param cases the cases, in run order
 * @param repetitions measured runs per engine and case, each in a fresh JVM
 * @param warmups unmeasured runs of the same job before the measured one, in the same JVM
 */
public record Plan(String name, List<BenchCase> cases, int repetitions, int warmups) {

  public static Plan quick() {
    return new Plan("quick", cases(10_000_000, 2_000_000, 500_000), 2, 1);
  }

  public static Plan full() {
    return new Plan("full", cases(50_000_000, 20_000_000, 5_000_000), 5, 1);
  }

  /**
   * Every case, with record counts that give each measured run at least about a second on an idle
   * 2-core machine.
   */
  private static List<BenchCase> cases(long chained, long shuffled, long events) {
    return List.of(
        new BenchCase(Benchmark.CHAINED_MAP, 1, chained),
        new BenchCase(Benchmark.KEYBY_REDUCE, 1, shuffled),
        new BenchCase(Benchmark.KEYBY_REDUCE, 2, shuffled),
        new BenchCase(Benchmark.REBALANCE, 2, shuffled),
        new BenchCase(Benchmark.NEXMARK_Q0, 1, events),
        new BenchCase(Benchmark.NEXMARK_Q1, 1, events),
        new BenchCase(Benchmark.NEXMARK_Q2, 1, events),
        new BenchCase(Benchmark.NEXMARK_Q3, 1, events),
        new BenchCase(Benchmark.NEXMARK_Q4, 1, events),
        new BenchCase(Benchmark.NEXMARK_Q5, 1, events),
        new BenchCase(Benchmark.NEXMARK_Q7, 1, events),
        new BenchCase(Benchmark.NEXMARK_Q8, 1, events),
        new BenchCase(Benchmark.NEXMARK_Q11, 1, events));
  }
}
