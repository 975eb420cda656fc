package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.RunResult;
import io.sluice.bench.flink.FlinkEngine;
import io.sluice.bench.flink.FlinkPipelines;
import io.sluice.bench.sluice.ScopedStateBackend;
import io.sluice.bench.sluice.SluiceEngine;
import io.sluice.bench.sluice.SluicePipelines;
import io.sluice.testkit.CollectSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each benchmark's output, on a small generated input, is the same multiset on both engines, and
 * equal to what plain Java computes from the generator and the workload functions directly.
 */
class EngineEquivalenceTest {
  private static final long LONGS = 30_000;

  /** 3.5 s of event time: three 1 s windows close during the run, the fourth at its end. */
  private static final long WINDOWED_LONGS = 350_000;

  /** Three records per key of the state benchmarks, so that two of them read a stored value. */
  private static final long STATE_LONGS = 300_000;

  private static final long EVENTS = 20_000;

  /** 20 s of event time, so that the 10 s windows and sessions of q3–q11 close several times. */
  private static final long WINDOWED_EVENTS = 200_000;

  @ParameterizedTest(name = "{0} at parallelism {1}")
  @CsvSource({
    "chained-map,1",
    "keyby-reduce,1",
    "keyby-reduce,2",
    "rebalance,2",
    "window-aggregate,1",
    "window-aggregate,2",
    "state-heap,1",
    "state-rocksdb,1",
    "pojo-shuffle,2",
    "nexmark-q0,1",
    "nexmark-q1,2",
    "nexmark-q2,1",
    "nexmark-q3,2",
    "nexmark-q4,1",
    "nexmark-q4,2",
    "nexmark-q5,2",
    "nexmark-q7,2",
    "nexmark-q8,2",
    "nexmark-q11,2"
  })
  void bothEnginesProduceTheExpectedOutput(String id, int parallelism) throws Exception {
    Benchmark benchmark = Benchmark.byId(id);
    long records = records(benchmark);
    Map<Object, Integer> expected = ExpectedOutputs.counts(ExpectedOutputs.of(benchmark, records));

    Map<Object, Integer> sluice =
        ExpectedOutputs.counts(runOnSluice(benchmark, records, parallelism));
    Map<Object, Integer> flink =
        ExpectedOutputs.counts(runOnFlink(benchmark, records, parallelism));

    assertThat(expected).isNotEmpty();
    assertThat(sluice).isEqualTo(expected);
    assertThat(flink).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} at parallelism {1}")
  @CsvSource({
    "keyby-reduce,2",
    "rebalance,2",
    "window-aggregate,2",
    "state-rocksdb,1",
    "pojo-shuffle,2",
    "nexmark-q1,1",
    "nexmark-q4,2",
    "nexmark-q11,1"
  })
  void measuredRunsOfBothEnginesReportTheSameChecksum(String id, int parallelism) throws Exception {
    Benchmark benchmark = Benchmark.byId(id);
    long records = records(benchmark);
    RunResult sluice = BenchMain.runOnce(new SluiceEngine(), benchmark, records, parallelism);
    RunResult flink = BenchMain.runOnce(new FlinkEngine(), benchmark, records, parallelism);

    assertThat(sluice.outputs()).isEqualTo(ExpectedOutputs.of(benchmark, records).size());
    assertThat(flink.outputs()).isEqualTo(sluice.outputs());
    assertThat(flink.checksum()).isEqualTo(sluice.checksum());
    assertThat(sluice.recordsPerSecond()).isPositive();
    assertThat(flink.recordsPerSecond()).isPositive();
    if (benchmark.tracksLatency()) {
      assertThat(sluice.latencyP50Micros()).isNotNull().isPositive();
      assertThat(flink.latencyP50Micros()).isNotNull().isPositive();
    }
  }

  private static long records(Benchmark benchmark) {
    return switch (benchmark) {
      case CHAINED_MAP, KEYBY_REDUCE, REBALANCE, POJO_SHUFFLE -> LONGS;
      case WINDOW_AGGREGATE -> WINDOWED_LONGS;
      case STATE_HEAP, STATE_ROCKSDB -> STATE_LONGS;
      case NEXMARK_Q0, NEXMARK_Q1, NEXMARK_Q2 -> EVENTS;
      case NEXMARK_Q3, NEXMARK_Q4, NEXMARK_Q5, NEXMARK_Q7, NEXMARK_Q8, NEXMARK_Q11 ->
          WINDOWED_EVENTS;
    };
  }

  @SuppressWarnings("unchecked")
  private static List<Object> runOnSluice(Benchmark benchmark, long records, int parallelism)
      throws Exception {
    try (ScopedStateBackend state = ScopedStateBackend.open(benchmark.stateBackend())) {
      StreamEnvironment env = SluiceEngine.localEnvironment(parallelism, state.backend());
      CollectSink<Object> sink = new CollectSink<>();
      ((DataStream<Object>) SluicePipelines.build(env, benchmark, records, parallelism))
          .sinkTo(sink);
      env.execute(benchmark.id());
      return sink.elements();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> runOnFlink(Benchmark benchmark, long records, int parallelism)
      throws Exception {
    StreamExecutionEnvironment env =
        FlinkEngine.localEnvironment(parallelism, benchmark.stateBackend());
    List<Object> out = new ArrayList<>();
    try (CloseableIterator<Object> it =
        ((org.apache.flink.streaming.api.datastream.DataStream<Object>)
                FlinkPipelines.build(env, benchmark, records, parallelism))
            .executeAndCollect(benchmark.id())) {
      it.forEachRemaining(out::add);
    }
    return out;
  }
}
