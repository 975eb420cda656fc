package io.sluice.bench.micro;

import static io.sluice.bench.micro.CounterAssertions.countsEveryKeyUpOncePerRound;

import org.junit.jupiter.api.Test;

/** Runs in a surefire execution of its own, whose classpath has only Flink's RocksDB. */
class FlinkRocksDbStateBenchmarkTest {
  @Test
  void flinkRocksDb() throws Exception {
    FlinkRocksDbStateBenchmark benchmark = new FlinkRocksDbStateBenchmark();
    benchmark.setUp();
    try {
      countsEveryKeyUpOncePerRound(benchmark::flinkValueState);
    } finally {
      benchmark.tearDown();
    }
  }
}
