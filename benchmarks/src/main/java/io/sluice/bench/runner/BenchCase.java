package io.sluice.bench.runner;

import io.sluice.bench.common.Benchmark;

/**
 * One line of the results table: a benchmark at a parallelism over a number of records.
 *
 * @param benchmark what runs
 * @param parallelism the job's parallelism
 * @param records records generated per run
 */
public record BenchCase(Benchmark benchmark, int parallelism, long records) {
  public String label() {
    return benchmark.id() + " p=" + parallelism;
  }
}
