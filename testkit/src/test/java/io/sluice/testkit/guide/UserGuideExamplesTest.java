package io.sluice.testkit.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Job;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.file.FileSink;
import io.sluice.api.connector.file.FileSource;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeutils.TypeHint;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.harness.Harnesses;
import io.sluice.testkit.harness.StreamRecord;
import io.sluice.testkit.harness.Watermark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.annotation.bundle.Header;

/**
 * The runnable examples of docs/user-guide.md, one test per snippet, each asserting the exact
 * output so the guide stays true. A snippet in the guide names the test that runs it.
 */
class UserGuideExamplesTest {

  // ---- The job model ----

  /** Upper-cases a text file into another; the platform runs it when its bundle starts. */
  @Header(name = "Sluice-Job", value = "${@class}")
  public static final class UpperCaseJob implements Job {
    @Override
    public void run(StreamEnvironment env, String[] args) throws Exception {
      env.readTextFile(args[0])
          .map(String::toUpperCase)
          .sinkTo(FileSink.forTextLines(Path.of(args[1])))
          .setParallelism(1);
      env.execute("upper-case");
    }
  }

  @Test
  void jobModel_aJobBuildsItsDataflowOnTheGivenEnvironment(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.txt");
    Path out = dir.resolve("out.txt");
    Files.write(in, List.of("hello", "sluice"));

    new UpperCaseJob()
        .run(LocalEnvironment.create(2), new String[] {in.toString(), out.toString()});

    assertThat(Files.readAllLines(out)).containsExactlyInAnyOrder("HELLO", "SLUICE");
  }

  // ---- Sources ----

  @Test
  void sources_elementsCollectionsAndFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("lines.txt");
    Files.write(file, List.of("line one", "line two"));

    StreamEnvironment env = LocalEnvironment.create(2);
    DataStream<String> letters = env.fromElements("a", "b");
    DataStream<Integer> numbers = env.fromCollection(List.of(1, 2, 3), Integer.class);
    DataStream<String> lines = env.readTextFile(file.toString());
    DataStream<String> sameLines =
        env.fromSource(FileSource.forTextLines(file), WatermarkStrategy.noWatermarks(), "lines");

    CollectSink<String> out = new CollectSink<>();
    letters.union(numbers.map(n -> "n" + n), lines, sameLines).sinkTo(out);
    env.execute("sources");

    assertThat(out.elements())
        .containsExactlyInAnyOrder(
            "a", "b", "n1", "n2", "n3", "line one", "line two", "line one", "line two");
  }

  // ---- Transformations ----

  @Test
  void transformations_mapFlatMapFilterAndTypeHints() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<Tuple2<String, Integer>> out = new CollectSink<>();

    env.fromElements("to be or not to be", "that is the question")
        .flatMap(
            (String line, Collector<String> words) -> {
              for (String word : line.split(" ")) {
                words.collect(word);
              }
            })
        .returns(String.class) // a flatMap lambda's output type is erased
        .filter(word -> word.length() > 2)
        .map(word -> Tuple2.of(word, word.length()))
        .returns(new TypeHint<Tuple2<String, Integer>>() {}) // so is a generic one
        .sinkTo(out);
    env.execute("transformations");

    assertThat(out.elements())
        .containsExactly(
            Tuple2.of("not", 3),
            Tuple2.of("that", 4),
            Tuple2.of("the", 3),
            Tuple2.of("question", 8));
  }

  // ---- keyBy, reduce and sum ----

  public record WordCount(String word, int count) {}

  @Test
  void keyBy_rollingSumAndReducePerKey() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    List<WordCount> input =
        List.of(
            new WordCount("a", 1),
            new WordCount("b", 5),
            new WordCount("a", 2),
            new WordCount("a", 3),
            new WordCount("b", 1));
    CollectSink<WordCount> sums = new CollectSink<>();
    CollectSink<WordCount> maxima = new CollectSink<>();

    DataStream<WordCount> counts = env.fromCollection(input, WordCount.class);
    counts.keyBy(WordCount::word).sum("count").sinkTo(sums);
    counts.keyBy(WordCount::word).reduce((x, y) -> x.count() >= y.count() ? x : y).sinkTo(maxima);
    env.execute("rolling");

    Map<String, List<Integer>> expectedSums = new HashMap<>();
    Map<String, Integer> runningSum = new HashMap<>();
    for (WordCount wc : input) {
      int sum = runningSum.merge(wc.word(), wc.count(), Integer::sum);
      expectedSums.computeIfAbsent(wc.word(), w -> new ArrayList<>()).add(sum);
    }
    assertThat(perKey(sums.elements())).isEqualTo(expectedSums);
    assertThat(perKey(maxima.elements()))
        .isEqualTo(Map.of("a", List.of(1, 2, 3), "b", List.of(5, 5)));
  }

  /** Each key's counts in arrival order (keys are processed in parallel, each in order). */
  private static Map<String, List<Integer>> perKey(List<WordCount> updates) {
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (WordCount wc : updates) {
      byKey.computeIfAbsent(wc.word(), w -> new ArrayList<>()).add(wc.count());
    }
    return byKey;
  }

  // ---- Process functions, keyed state and timers ----

  public record Reading(String sensor, long time) {}

  /** Alerts when a sensor has sent nothing for 10 s of event time, with its number of readings. */
  public static final class SilenceAlert extends KeyedProcessFunction<String, Reading, String> {
    private transient ValueState<Long> count;
    private transient ValueState<Long> deadline;

    @Override
    public void open(RuntimeContext context) {
      count = context.getState(new ValueStateDescriptor<>("count", Long.class));
      deadline = context.getState(new ValueStateDescriptor<>("deadline", Long.class));
    }

    @Override
    public void processElement(Reading reading, Context<String> ctx, Collector<String> out) {
      count.update(count.value() == null ? 1 : count.value() + 1);
      if (deadline.value() != null) {
        ctx.timerService().deleteEventTimeTimer(deadline.value());
      }
      deadline.update(reading.time() + 10_000);
      ctx.timerService().registerEventTimeTimer(deadline.value());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(
          ctx.getCurrentKey()
              + ": silent since "
              + (timestamp - 10_000)
              + ", "
              + count.value()
              + " reading(s)");
    }
  }

  /** Readings in time order; no sensor pauses for 10 s except after its last reading. */
  static final List<Reading> READINGS =
      List.of(
          new Reading("s1", 1_000),
          new Reading("s2", 2_000),
          new Reading("s1", 4_000),
          new Reading("s3", 5_000),
          new Reading("s2", 8_000),
          new Reading("s1", 9_000),
          new Reading("s2", 15_000),
          new Reading("s2", 21_000));

  @Test
  void processFunctions_keyedStateAndEventTimeTimers() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<String> alerts = new CollectSink<>();

    env.fromSource(
            new CollectionSource<>(READINGS),
            WatermarkStrategy.<Reading>forMonotonousTimestamps()
                .withTimestampAssigner((reading, ts) -> reading.time()),
            "readings",
            Reading.class)
        .setParallelism(1)
        .keyBy(Reading::sensor)
        .process(new SilenceAlert())
        .sinkTo(alerts);
    env.execute("silence");

    assertThat(alerts.elements())
        .containsExactlyInAnyOrder(
            "s1: silent since 9000, 3 reading(s)",
            "s2: silent since 21000, 4 reading(s)",
            "s3: silent since 5000, 1 reading(s)");
    // a timer's output carries the timer's time
    assertThat(alerts.timestamps()).containsExactlyInAnyOrder(19_000L, 31_000L, 15_000L);
  }

  public record Measurement(String sensor, long time, int celsius) {}

  /** The accumulator of {@link Average}: a record, so Sluice derives its serializer. */
  public record SumCount(long sum, long count) {}

  /** The mean of integers, folded into a two-number accumulator. */
  public static final class Average implements AggregateFunction<Integer, SumCount, Double> {
    @Override
    public SumCount createAccumulator() {
      return new SumCount(0, 0);
    }

    @Override
    public SumCount add(Integer value, SumCount acc) {
      return new SumCount(acc.sum() + value, acc.count() + 1);
    }

    @Override
    public Double getResult(SumCount acc) {
      return (double) acc.sum() / acc.count();
    }

    @Override
    public SumCount merge(SumCount a, SumCount b) {
      return new SumCount(a.sum() + b.sum(), a.count() + b.count());
    }
  }

  /** Each sensor's maximum and average since it was last quiet for 10 s, from expiring state. */
  public static final class SensorStats extends KeyedProcessFunction<String, Measurement, String> {
    private transient long now; // the clock time-to-live reads: the measurement's own time
    private transient ReducingState<Integer> max;
    private transient AggregatingState<Integer, Double> average;

    @Override
    public void open(RuntimeContext context) {
      StateTtlConfig ttl =
          StateTtlConfig.newBuilder(Duration.ofSeconds(10)).setTimeProvider(() -> now).build();
      var maxDescriptor = new ReducingStateDescriptor<>("max", Math::max, Integer.class);
      maxDescriptor.enableTimeToLive(ttl);
      var averageDescriptor =
          new AggregatingStateDescriptor<>("average", new Average(), SumCount.class);
      averageDescriptor.enableTimeToLive(ttl);
      max = context.getReducingState(maxDescriptor);
      average = context.getAggregatingState(averageDescriptor);
    }

    @Override
    public void processElement(Measurement m, Context<String> ctx, Collector<String> out) {
      now = m.time();
      max.add(m.celsius());
      average.add(m.celsius());
      out.collect(m.sensor() + " max " + max.get() + " avg " + average.get());
    }
  }

  @Test
  void stateKinds_reducingAndAggregatingStateWithTimeToLive() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<String> out = new CollectSink<>();
    List<Measurement> measurements =
        List.of(
            new Measurement("s1", 1_000, 20),
            new Measurement("s1", 4_000, 24),
            new Measurement("s2", 5_000, 30),
            new Measurement("s1", 14_000, 18), // 10 s after s1's last write: starts over
            new Measurement("s1", 20_000, 21),
            new Measurement("s2", 9_000, 10));

    env.fromCollection(measurements, Measurement.class)
        .keyBy(Measurement::sensor)
        .process(new SensorStats())
        .sinkTo(out);
    env.execute("state kinds");

    assertThat(out.elements())
        .containsExactlyInAnyOrder(
            "s1 max 20 avg 20.0",
            "s1 max 24 avg 22.0",
            "s2 max 30 avg 30.0",
            "s1 max 18 avg 18.0",
            "s1 max 21 avg 19.5",
            "s2 max 30 avg 20.0");
    assertThat(out.elements().stream().filter(s -> s.startsWith("s1")))
        .containsExactly(
            "s1 max 20 avg 20.0", "s1 max 24 avg 22.0", "s1 max 18 avg 18.0", "s1 max 21 avg 19.5");
  }

  // ---- Side outputs ----

  /** Parses numbers; what does not parse goes to the side output {@link #REJECTED}. */
  public static final class ParseNumbers extends ProcessFunction<String, Integer> {
    static final OutputTag<String> REJECTED = new OutputTag<>("rejected", String.class);

    @Override
    public void processElement(String text, Context ctx, Collector<Integer> out) {
      try {
        out.collect(Integer.parseInt(text.trim()));
      } catch (NumberFormatException e) {
        ctx.output(REJECTED, text);
      }
    }
  }

  @Test
  void sideOutputs_routeRejectsToTheirOwnStream() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<Integer> numbers = new CollectSink<>();
    CollectSink<String> rejected = new CollectSink<>();

    DataStream<Integer> parsed =
        env.fromElements("1", "two", " 3", "", "5").process(new ParseNumbers());
    parsed.sinkTo(numbers);
    parsed.getSideOutput(ParseNumbers.REJECTED).sinkTo(rejected);
    env.execute("side outputs");

    assertThat(numbers.elements()).containsExactly(1, 3, 5);
    assertThat(rejected.elements()).containsExactly("two", "");
  }

  // ---- Event time and watermarks ----

  @Test
  void eventTime_theStrategyAssignsTimestampsThatTravelWithElements() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<String> out = new CollectSink<>();
    List<Reading> outOfOrder =
        List.of(new Reading("s1", 3_000), new Reading("s2", 1_000), new Reading("s1", 7_000));

    WatermarkStrategy<Reading> strategy =
        WatermarkStrategy.<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(5))
            .withTimestampAssigner((reading, previous) -> reading.time());
    env.fromSource(new CollectionSource<>(outOfOrder), strategy, "readings", Reading.class)
        .map(Reading::sensor)
        .sinkTo(out);
    env.execute("timestamps");

    assertThat(out.elements()).containsExactly("s1", "s2", "s1");
    assertThat(out.timestamps()).containsExactly(3_000L, 1_000L, 7_000L);
  }

  // ---- Sinks ----

  @Test
  void sinks_fileSinkWritesOneLinePerElement(@TempDir Path dir) throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    Path out = dir.resolve("squares.txt");

    env.fromElements(1, 2, 3).map(n -> n * n).sinkTo(FileSink.forTextLines(out));
    env.execute("file sink");

    assertThat(Files.readAllLines(out)).containsExactly("1", "4", "9");
  }

  @Test
  void sinks_printWritesToStandardOut() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      StreamEnvironment env = LocalEnvironment.create(1);
      env.fromElements("hello", "world").print();
      env.execute("print");
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8).lines()).containsExactly("hello", "world");
  }

  // ---- Testing with harnesses ----

  @Test
  void testing_aKeyedProcessFunctionUnderTheHarness() throws Exception {
    var harness =
        Harnesses.forKeyedProcessFunction(new SilenceAlert(), Reading::sensor, String.class);

    harness.processElement(new Reading("s1", 1_000), 1_000);
    harness.processElement(new Reading("s1", 4_000), 4_000); // moves the deadline to 14_000
    harness.processWatermark(13_999);
    harness.processWatermark(14_000);

    assertThat(harness.getOutput())
        .containsExactly(
            new Watermark(13_999),
            new StreamRecord<>("s1: silent since 4000, 2 reading(s)", 14_000),
            new Watermark(14_000));
    assertThat(harness.numEventTimeTimers()).isZero();
    harness.close();
  }
}
