package io.sluice.bench.flink;

import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.Engine;
import io.sluice.bench.common.StateBackendKind;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a benchmark on an Apache Flink MiniCluster in this JVM: one TaskManager with as many slots
 * as the parallelism, object reuse on, the REST endpoint on a free port, the same buffer timeout as
 * Sluice, the {@code hashmap} state backend ({@code rocksdb} for {@code state-rocksdb}).
 */
public final class FlinkEngine implements Engine {

  @Override
  public String id() {
    return "flink";
  }

  @Override
  public String version() {
    return EnvironmentInformation.getVersion();
  }

  /** The local environment of the runs on the heap state backend. */
  public static StreamExecutionEnvironment localEnvironment(int parallelism) {
    return localEnvironment(parallelism, StateBackendKind.HEAP);
  }

  /** The configuration of the local environment both the runs and the tests use. */
  public static StreamExecutionEnvironment localEnvironment(
      int parallelism, StateBackendKind stateBackend) {
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    FlinkStateBackends.configure(conf, stateBackend, StateBackendKind.ROCKSDB_MEMORY_MB, false);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    env.setBufferTimeout(BUFFER_TIMEOUT_MILLIS);
    return env;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void run(Benchmark benchmark, long records, int parallelism) throws Exception {
    StreamExecutionEnvironment env = localEnvironment(parallelism, benchmark.stateBackend());
    DataStream<Object> stream =
        (DataStream<Object>) FlinkPipelines.build(env, benchmark, records, parallelism);
    stream.sinkTo(new ChecksumSink(benchmark)).name("Checksum Sink");
    env.execute(benchmark.id());
  }
}
