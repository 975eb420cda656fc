package io.sluice.bench.micro;

import io.sluice.state.rocksdb.RocksDbStateBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link HeapStateBenchmark}'s access pattern on Sluice's {@code rocksdb} backend with a 64 MB
 * memory budget. Its Flink counterpart is {@link FlinkRocksDbStateBenchmark}, which runs in a JVM
 * of its own: the two engines ship different RocksDB versions under the same package.
 */
@State(Scope.Thread)
public class SluiceRocksDbStateBenchmark {
  private TempDirectory directory;
  private RocksDbStateBackend stateBackend;
  private SluiceCounter counter;

  @Setup
  public void setUp() {
    directory = new TempDirectory("sluice-micro-rocksdb");
    stateBackend = new RocksDbStateBackend(directory.path(), FlinkRocksDbBackend.MEMORY_BUDGET_MB);
    counter = SluiceCounter.filled(stateBackend);
  }

  @TearDown
  public void tearDown() {
    counter.close();
    stateBackend.close();
    directory.close();
  }

  @Benchmark
  public long sluiceValueState() {
    return counter.incrementNext();
  }
}
