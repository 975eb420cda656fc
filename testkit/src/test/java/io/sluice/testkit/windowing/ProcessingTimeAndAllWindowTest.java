package io.sluice.testkit.windowing;

import static io.sluice.testkit.windowing.Scripted.ev;
import static io.sluice.testkit.windowing.Scripted.wm;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.sluice.api.windowing.functions.ProcessAllWindowFunction;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.windowing.Results.Res;
import io.sluice.testkit.windowing.Results.SumPerWindow;
import io.sluice.testkit.windowing.Scripted.Ev;
import io.sluice.testkit.windowing.Scripted.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessingTimeAndAllWindowTest {

  private static List<Ev> numbered(int count) {
    List<Ev> input = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      input.add(new Ev("k" + (i % 4), i, i));
    }
    return input;
  }

  private static Map<String, Long> sumsByKey(List<Ev> input) {
    Map<String, Long> sums = new HashMap<>();
    for (Ev e : input) {
      sums.merge(e.key(), e.value(), Long::sum);
    }
    return sums;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void processingTimeWindowsHoldEveryElementOnceAndFireAtTheEndOfInput(int parallelism)
      throws Exception {
    List<Ev> input = numbered(400);
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    env.fromCollection(input, Ev.class)
        .keyBy(Ev::key)
        .window(TumblingProcessingTimeWindows.of(Duration.ofHours(1)))
        .process(new SumPerWindow())
        .sinkTo(sink);
    env.execute("processing-time-tumbling");

    // Which hour a window covers depends on the clock; what the windows hold does not.
    Map<String, Long> actual = new HashMap<>();
    for (Res r : sink.elements()) {
      assertThat(r.end() - r.start()).isEqualTo(Duration.ofHours(1).toMillis());
      actual.merge(r.key(), r.sum(), Long::sum);
    }
    assertThat(actual).isEqualTo(sumsByKey(input));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void processingTimeSessionsMergeElementsThatArriveWithinTheGap(int parallelism) throws Exception {
    List<Ev> input = numbered(200);
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    env.fromCollection(input, Ev.class)
        .keyBy(Ev::key)
        .window(ProcessingTimeSessionWindows.withGap(Duration.ofHours(1)))
        .process(new SumPerWindow())
        .sinkTo(sink);
    env.execute("processing-time-sessions");

    // The whole input arrives well within an hour: one session per key.
    Map<String, Long> actual = new HashMap<>();
    for (Res r : sink.elements()) {
      assertThat(actual).doesNotContainKey(r.key());
      actual.put(r.key(), r.sum());
    }
    assertThat(actual).isEqualTo(sumsByKey(input));
  }

  /** Counts and sums every element of a window, with its bounds. */
  static final class CountAll extends ProcessAllWindowFunction<Ev, String, TimeWindow> {
    @Override
    public void process(Context context, Iterable<Ev> elements, Collector<String> out) {
      long count = 0;
      long sum = 0;
      for (Ev e : elements) {
        count++;
        sum += e.value();
      }
      out.collect(
          context.window().start() + ".." + context.window().end() + " n=" + count + " sum=" + sum);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void windowAllSeesEveryKeyInOneWindow(int parallelism) throws Exception {
    List<Step> script =
        List.of(
            ev("a", 1, 3), ev("b", 2, 7), ev("c", 4, 12), wm(10), ev("a", 8, 9), ev("d", 16, 15));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<String> sink = new CollectSink<>();
    Scripted.stream(env, script)
        .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .process(new CountAll())
        .sinkTo(sink)
        .setParallelism(1); // in the window operator's order
    env.execute("window-all");

    // a@9 comes after the watermark 10 ended [0, 10): it is late and dropped
    assertThat(sink.elements()).containsExactly("0..10 n=2 sum=3", "10..20 n=2 sum=20");
  }

  /** The mean of the values, incrementally: the accumulator is (sum, count). */
  static final class Mean implements AggregateFunction<Ev, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Ev value, long[] accumulator) {
      accumulator[0] += value.value();
      accumulator[1]++;
      return accumulator;
    }

    @Override
    public Double getResult(long[] accumulator) {
      return (double) accumulator[0] / accumulator[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }

  /** Labels a mean with the window it belongs to. */
  static final class LabelMean extends ProcessAllWindowFunction<Double, String, TimeWindow> {
    @Override
    public void process(Context context, Iterable<Double> means, Collector<String> out) {
      for (Double mean : means) {
        out.collect("[" + context.window().start() + "," + context.window().end() + ") " + mean);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void aggregateWithWindowFunctionSeesTheWindowOfTheResult(int parallelism) throws Exception {
    List<Step> script = List.of(ev("a", 1, 0), ev("b", 2, 4), ev("a", 6, 19), ev("c", 5, 11));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<String> sink = new CollectSink<>();
    Scripted.stream(env, script)
        .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .aggregate(new Mean(), new LabelMean())
        .sinkTo(sink)
        .setParallelism(1); // in the window operator's order
    env.execute("aggregate-all");

    assertThat(sink.elements()).containsExactly("[0,10) 1.5", "[10,20) 5.5");
  }
}
