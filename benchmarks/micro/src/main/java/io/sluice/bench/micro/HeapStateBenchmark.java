package io.sluice.bench.micro;

import io.sluice.state.heap.HeapStateBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Keyed {@code ValueState<Long>} on the heap backends: per operation, select the next of 100,000
 * keys (shuffled), read the value and write it back plus one. Every key holds a value before
 * measurement starts, so no operation inserts. Sluice's {@code heap} backend against Flink's heap
 * keyed backend (the one {@code HashMapStateBackend} creates).
 */
public class HeapStateBenchmark {

  /** Sluice's heap keyed backend, made through the state backend SPI. */
  @State(Scope.Thread)
  public static class SluiceHeap {
    SluiceCounter counter;

    @Setup
    public void setUp() {
      counter = SluiceCounter.filled(new HeapStateBackend());
    }

    @TearDown
    public void tearDown() {
      counter.close();
    }
  }

  /** Flink's heap keyed backend, made with its builder. */
  @State(Scope.Thread)
  public static class FlinkHeap {
    FlinkCounter counter;

    @Setup
    public void setUp() throws Exception {
      counter = FlinkCounter.filled(FlinkHeapBackends.create());
    }

    @TearDown
    public void tearDown() {
      counter.close();
    }
  }

  @Benchmark
  public long sluiceValueState(SluiceHeap state) {
    return state.counter.incrementNext();
  }

  @Benchmark
  public long flinkValueState(FlinkHeap state) {
    return state.counter.incrementNext();
  }
}
