package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.bench.common.Benchmark;
import io.sluice.bench.flink.FlinkEngine;
import io.sluice.bench.flink.FlinkPipelines;
import io.sluice.bench.sluice.SluicePipelines;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every NEXMark query, at a small size, gives the same multiset of outputs on Sluice, on Apache
 * Flink and in plain Java ({@link ExpectedOutputs}): a correctness test of Sluice against Flink
 * that runs in the default build. To keep it fast, all queries run as one job per engine (one Flink
 * MiniCluster start), at parallelism 2 so that keyed shuffles are exercised. The larger,
 * per-benchmark version is {@link EngineEquivalenceTest} ({@code -P bench}).
 */
class NexmarkEquivalenceTest {
  /** 12 s of event time: every 10 s window, 2 s slide and 10 s session gap closes at least once. */
  private static final long EVENTS = 120_000;

  private static final int PARALLELISM = 2;

  private static final List<Benchmark> QUERIES =
      Arrays.stream(Benchmark.values()).filter(Benchmark::nexmark).toList();

  private static Map<Benchmark, List<Object>> sluice;
  private static Map<Benchmark, List<Object>> flink;

  @BeforeAll
  static void runAllQueriesOnBothEngines() throws Exception {
    sluice = runOnSluice();
    flink = runOnFlink();
  }

  @Test
  void coversEveryNexmarkQuery() {
    assertThat(QUERIES)
        .extracting(Benchmark::id)
        .containsExactly(
            "nexmark-q0",
            "nexmark-q1",
            "nexmark-q2",
            "nexmark-q3",
            "nexmark-q4",
            "nexmark-q5",
            "nexmark-q7",
            "nexmark-q8",
            "nexmark-q11");
  }

  @Test
  void bothEnginesProduceThePlainJavaOutputOfEveryQuery() {
    for (Benchmark query : QUERIES) {
      Map<Object, Integer> expected = ExpectedOutputs.counts(ExpectedOutputs.of(query, EVENTS));
      assertThat(expected).as("expected output of %s", query.id()).isNotEmpty();
      assertThat(ExpectedOutputs.counts(sluice.get(query)))
          .as("Sluice's output of %s", query.id())
          .isEqualTo(expected);
      assertThat(ExpectedOutputs.counts(flink.get(query)))
          .as("Flink's output of %s", query.id())
          .isEqualTo(expected);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<Benchmark, List<Object>> runOnSluice() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(PARALLELISM);
    Map<Benchmark, CollectSink<Object>> sinks = new EnumMap<>(Benchmark.class);
    for (Benchmark query : QUERIES) {
      CollectSink<Object> sink = new CollectSink<>();
      ((DataStream<Object>) SluicePipelines.build(env, query, EVENTS, PARALLELISM)).sinkTo(sink);
      sinks.put(query, sink);
    }
    env.execute("all NEXMark queries");
    Map<Benchmark, List<Object>> outputs = new EnumMap<>(Benchmark.class);
    sinks.forEach((query, sink) -> outputs.put(query, sink.elements()));
    return outputs;
  }

  @SuppressWarnings("unchecked")
  private static Map<Benchmark, List<Object>> runOnFlink() throws Exception {
    StreamExecutionEnvironment env = FlinkEngine.localEnvironment(PARALLELISM);
    Map<Benchmark, CloseableIterator<Object>> results = new EnumMap<>(Benchmark.class);
    for (Benchmark query : QUERIES) {
      results.put(
          query,
          ((org.apache.flink.streaming.api.datastream.DataStream<Object>)
                  FlinkPipelines.build(env, query, EVENTS, PARALLELISM))
              .collectAsync());
    }
    env.executeAsync("all NEXMark queries");
    // Drained all at once: reading one query's results to the end first would leave the others'
    // collect sinks backpressured, and they share the TaskManager's network buffers with it.
    ExecutorService readers = Executors.newFixedThreadPool(results.size());
    try {
      Map<Benchmark, Future<List<Object>>> pending = new EnumMap<>(Benchmark.class);
      results.forEach(
          (query, iterator) -> pending.put(query, readers.submit(() -> drain(iterator))));
      Map<Benchmark, List<Object>> outputs = new EnumMap<>(Benchmark.class);
      for (Map.Entry<Benchmark, Future<List<Object>>> result : pending.entrySet()) {
        outputs.put(result.getKey(), result.getValue().get(5, TimeUnit.MINUTES));
      }
      return outputs;
    } finally {
      readers.shutdownNow();
    }
  }

  private static List<Object> drain(CloseableIterator<Object> iterator) throws Exception {
    List<Object> out = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(out::add);
    }
    return out;
  }
}
