package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.JobExecutionException;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineExecutionTest {

  record Word(String word, long count) {}

  /** Splits a line into (word, 1) records. */
  static final class Split implements FlatMapFunction<String, Word> {
    @Override
    public void flatMap(String line, Collector<Word> out) {
      for (String w : line.split(" ")) {
        if (!w.isEmpty()) {
          out.collect(new Word(w, 1));
        }
      }
    }
  }

  /** Counts per key and emits the final count when the input ends. */
  static final class FinalCount extends KeyedProcessFunction<String, Word, Word> {
    private transient ValueState<Long> count;

    @Override
    public void open(RuntimeContext context) {
      count = context.getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Word value, Context<String> ctx, Collector<Word> out) {
      Long current = count.value();
      count.update(current == null ? value.count() : current + value.count());
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<Word> out) {
      out.collect(new Word(ctx.getCurrentKey(), count.value()));
    }
  }

  @Test
  void chainedMapAndFilterKeepOrderAtParallelismOne() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<Integer> sink = new CollectSink<>();
    env.fromCollection(IntStream.range(0, 1000).boxed().toList(), Integer.class)
        .map(i -> i * 2)
        .filter(i -> i % 3 == 0)
        .sinkTo(sink);
    JobResult result = env.execute("map-filter");
    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      if ((i * 2) % 3 == 0) {
        expected.add(i * 2);
      }
    }
    assertThat(sink.elements()).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void keyedSumEndsWithTheExactTotalPerKey(int parallelism) throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Word> sink = new CollectSink<>();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      lines.add("k" + (i % 37) + " k" + (i % 5) + " z");
    }
    env.fromCollection(lines, String.class)
        .rebalance()
        .flatMap(new Split())
        .keyBy(Word::word)
        .process(new FinalCount())
        .sinkTo(sink);
    env.execute("final-count");

    Map<String, Long> expected = new HashMap<>();
    for (String line : lines) {
      for (String w : line.split(" ")) {
        expected.merge(w, 1L, Long::sum);
      }
    }
    Map<String, Long> actual =
        sink.elements().stream().collect(Collectors.toMap(Word::word, Word::count));
    assertThat(sink.elements()).hasSize(expected.size());
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void rollingSumEmitsOneUpdatePerElement(int parallelism) throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Word> sink = new CollectSink<>();
    env.fromElements(new Word("a", 1), new Word("b", 2), new Word("a", 3), new Word("a", 4))
        .keyBy(Word::word)
        .sum("count")
        .sinkTo(sink);
    env.execute("rolling-sum");
    List<Long> aUpdates =
        sink.elements().stream().filter(w -> w.word().equals("a")).map(Word::count).toList();
    assertThat(aUpdates).containsExactly(1L, 4L, 8L);
    assertThat(sink.elements()).contains(new Word("b", 2));
  }

  @Test
  void parallelFileReadEmitsEveryLineExactlyOnce(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in.txt");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      lines.add("line " + i + " é 中文 " + "x".repeat(i % 50));
    }
    Files.write(input, lines, StandardCharsets.UTF_8);
    StreamEnvironment env = LocalEnvironment.create(3);
    CollectSink<String> sink = new CollectSink<>();
    env.fromSource(
            io.sluice.api.connector.file.FileSource.forTextLines(input).withSplitSize(4096),
            io.sluice.api.eventtime.WatermarkStrategy.noWatermarks(),
            "lines")
        .sinkTo(sink);
    env.execute("read");
    assertThat(sink.elements()).containsExactlyInAnyOrderElementsOf(lines);
  }

  @Test
  void broadcastReachesEverySubtaskAndUnionMergesStreams() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<String> sink = new CollectSink<>();
    var a = env.fromElements("a1", "a2");
    var b = env.fromElements("b1");
    a.union(b).broadcast().map(s -> s + "!").setParallelism(3).sinkTo(sink);
    env.execute("broadcast-union");
    assertThat(sink.elements())
        .containsExactlyInAnyOrder("a1!", "a1!", "a1!", "a2!", "a2!", "a2!", "b1!", "b1!", "b1!");
  }

  @Test
  void userExceptionFailsTheJobNamingTheOperator() {
    StreamEnvironment env = LocalEnvironment.create(2);
    env.fromElements(1, 2, 3)
        .rebalance()
        .map(
            i -> {
              if (i == 2) {
                throw new IllegalStateException("boom at " + i);
              }
              return i;
            })
        .name("Exploding Map")
        .sinkTo(new CollectSink<>());
    assertThatThrownBy(() -> env.execute("explode"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Exploding Map")
        .hasMessageContaining("boom at 2")
        .satisfies(
            e ->
                assertThat(((JobExecutionException) e).getResult().status())
                    .isEqualTo(JobStatus.FAILED));
  }

  /**
   * A null key fails the job with a clear message whichever side sees it first: with one consumer
   * the producer routes without extracting keys and the keyed operator reports it; with two the
   * producer's key group selector does.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void nullKeyFailsTheJobWithAClearError(int parallelism) {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    env.fromElements("a", "b", "")
        .keyBy(s -> s.isEmpty() ? null : s)
        .reduce((a, b) -> a + b)
        .name("Concat")
        .sinkTo(new CollectSink<>());
    assertThatThrownBy(() -> env.execute("null-key"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageMatching("(?s).*(cannot hold a null key|key extractor returned null).*");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void failingKeySelectorFailsTheJobWithItsMessage(int parallelism) {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    env.fromElements("a", "b", "bad")
        .keyBy(
            s -> {
              if (s.equals("bad")) {
                throw new IllegalArgumentException("no key in " + s);
              }
              return s;
            })
        .reduce((a, b) -> a + b)
        .sinkTo(new CollectSink<>());
    assertThatThrownBy(() -> env.execute("failing-key"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("no key in bad");
  }

  @Test
  void missingInputFileFailsWithItsPath(@TempDir Path dir) {
    StreamEnvironment env = LocalEnvironment.create(1);
    Path missing = dir.resolve("nope.txt");
    env.readTextFile(missing.toString()).sinkTo(new CollectSink<>());
    assertThatThrownBy(() -> env.execute("missing"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void keyedStateOutsideKeyedStreamIsAClearError() {
    StreamEnvironment env = LocalEnvironment.create(1);
    env.fromElements("x").map(new StatefulMap()).sinkTo(new CollectSink<>());
    assertThatThrownBy(() -> env.execute("unkeyed-state"))
        .hasMessageContaining("only available on a keyed stream");
  }

  static final class StatefulMap
      implements io.sluice.api.functions.MapFunction<String, String>,
          io.sluice.api.functions.RichFunction {
    @Override
    public void open(RuntimeContext context) {
      context.getState(new ValueStateDescriptor<>("s", String.class));
    }

    @Override
    public String map(String value) {
      return value;
    }
  }
}
