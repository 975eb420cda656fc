package io.sluice.bench.micro;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link HeapStateBenchmark}'s access pattern on Flink's RocksDB keyed backend with a 64 MB memory
 * budget, the counterpart of {@link SluiceRocksDbStateBenchmark}. Needs a classpath with Flink's
 * RocksDB ({@code frocksdbjni}) and without Sluice's.
 */
@State(Scope.Thread)
public class FlinkRocksDbStateBenchmark {
  private TempDirectory directory;
  private FlinkRocksDbBackend rocksDb;
  private FlinkCounter counter;

  @Setup
  public void setUp() throws Exception {
    directory = new TempDirectory("flink-micro-rocksdb");
    rocksDb = new FlinkRocksDbBackend(directory.path().toFile());
    counter = FlinkCounter.filled(rocksDb.backend());
  }

  /** Closing the backend's resources also disposes the backend the counter used. */
  @TearDown
  public void tearDown() throws Exception {
    rocksDb.close();
    directory.close();
  }

  @Benchmark
  public long flinkValueState() {
    return counter.incrementNext();
  }
}
