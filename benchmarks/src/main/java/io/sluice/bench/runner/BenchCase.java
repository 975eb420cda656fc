package io.sluice.bench.runner;

import io.sluice.bench.common.Benchmark;

/**
 * One line of the results table: a benchmark at a parallelism over a number of records, measured a
 * number of times per engine.
 *
 * @param benchmark what runs
 * @param parallelism the job's parallelism
 * @param records records generated per measured run
 * @param repetitions measured runs per engine, each in a fresh JVM
 */
public record BenchCase(Benchmark benchmark, int parallelism, long records, int repetitions) {
  /** The records of a warm-up run: {@code fraction} of the measured run's, at least one. */
  public long warmupRecords(double fraction) {
    return Math.max(1, Math.round(records * fraction));
  }

  public String label() {
    return benchmark.id() + " p=" + parallelism;
  }
}
