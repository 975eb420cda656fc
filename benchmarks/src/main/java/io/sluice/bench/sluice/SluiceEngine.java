package io.sluice.bench.sluice;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.Engine;
import io.sluice.shuffle.local.LocalShuffleService;
import io.sluice.spi.state.StateBackend;
import io.sluice.testkit.LocalEnvironment;

/**
 * Runs a benchmark on Sluice in this JVM: real runtime, local shuffle, heap state (RocksDB for
 * {@code state-rocksdb}).
 */
public final class SluiceEngine implements Engine {
  @Override
  public String id() {
    return "sluice";
  }

  @Override
  public String version() {
    String version = StreamEnvironment.class.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0-SNAPSHOT";
  }

  /** The configuration of the local environment both the runs and the tests use. */
  public static StreamEnvironment localEnvironment(int parallelism, StateBackend backend) {
    return LocalEnvironment.create(
        ExecutionConfig.defaults()
            .withParallelism(parallelism)
            .withBufferTimeoutMillis(BUFFER_TIMEOUT_MILLIS),
        new LocalShuffleService(),
        backend,
        null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void run(Benchmark benchmark, long records, int parallelism) throws Exception {
    try (ScopedStateBackend state = ScopedStateBackend.open(benchmark.stateBackend())) {
      StreamEnvironment env = localEnvironment(parallelism, state.backend());
      DataStream<Object> stream =
          (DataStream<Object>) SluicePipelines.build(env, benchmark, records, parallelism);
      stream.sinkTo(new ChecksumSink(benchmark)).name("Checksum Sink");
      JobResult result = env.execute(benchmark.id());
      if (result.status() != JobStatus.FINISHED) {
        throw new IllegalStateException(
            "Sluice job " + benchmark.id() + " ended " + result.status(), result.failure());
      }
    }
  }
}
