package io.sluice.bench.micro;

import static io.sluice.bench.micro.CounterAssertions.countsEveryKeyUpOncePerRound;

import org.junit.jupiter.api.Test;

/** Sluice's heap and RocksDB backends and Flink's heap backend; Flink's RocksDB has its own JVM. */
class StateBenchmarkTest {
  private final HeapStateBenchmark heap = new HeapStateBenchmark();

  @Test
  void sluiceHeap() {
    HeapStateBenchmark.SluiceHeap state = new HeapStateBenchmark.SluiceHeap();
    state.setUp();
    try {
      countsEveryKeyUpOncePerRound(() -> heap.sluiceValueState(state));
    } finally {
      state.tearDown();
    }
  }

  @Test
  void flinkHeap() throws Exception {
    HeapStateBenchmark.FlinkHeap state = new HeapStateBenchmark.FlinkHeap();
    state.setUp();
    try {
      countsEveryKeyUpOncePerRound(() -> heap.flinkValueState(state));
    } finally {
      state.tearDown();
    }
  }

  @Test
  void sluiceRocksDb() {
    SluiceRocksDbStateBenchmark benchmark = new SluiceRocksDbStateBenchmark();
    benchmark.setUp();
    try {
      countsEveryKeyUpOncePerRound(benchmark::sluiceValueState);
    } finally {
      benchmark.tearDown();
    }
  }
}
