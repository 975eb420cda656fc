package io.sluice.testkit.windowing;

import static io.sluice.testkit.windowing.Scripted.ev;
import static io.sluice.testkit.windowing.Scripted.wm;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.windowing.Results.LabelSum;
import io.sluice.testkit.windowing.Results.Res;
import io.sluice.testkit.windowing.Results.Stamped;
import io.sluice.testkit.windowing.Results.SumAggregate;
import io.sluice.testkit.windowing.Results.SumPerWindow;
import io.sluice.testkit.windowing.Scripted.Ev;
import io.sluice.testkit.windowing.Scripted.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeWindowTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void tumblingWindowsSumOutOfOrderElementsAndStampResultsWithWindowEnd(int parallelism)
      throws Exception {
    List<Step> script =
        List.of(
            ev("a", 1, 3),
            ev("b", 10, 12),
            ev("a", 2, 1),
            ev("a", 4, 11),
            ev("b", 20, 5),
            wm(5),
            ev("a", 8, 7),
            ev("a", 16, 19),
            wm(19),
            ev("b", 32, 25));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    Scripted.stream(env, script)
        .keyBy(Ev::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .process(new SumPerWindow())
        .sinkTo(sink);
    env.execute("tumbling");

    // [0,10): a = 1 + 2 + 8, b = 20; [10,20): a = 4 + 16, b = 10; [20,30): b = 32
    assertThat(Results.stamped(sink))
        .containsExactlyInAnyOrder(
            new Stamped<>(new Res("a", 0, 10, 11), 9L),
            new Stamped<>(new Res("b", 0, 10, 20), 9L),
            new Stamped<>(new Res("a", 10, 20, 20), 19L),
            new Stamped<>(new Res("b", 10, 20, 10), 19L),
            new Stamped<>(new Res("b", 20, 30, 32), 29L));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void reduceGivesTheSameSumsAsProcessingAllElements(int parallelism) throws Exception {
    List<Step> script =
        List.of(ev("a", 1, 3), ev("a", 2, 13), ev("a", 4, 8), wm(12), ev("a", 8, 10));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Ev> sink = new CollectSink<>();
    Scripted.stream(env, script)
        .keyBy(Ev::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .reduce((x, y) -> new Ev(x.key(), x.value() + y.value(), Math.max(x.ts(), y.ts())))
        .sinkTo(sink);
    env.execute("tumbling-reduce");

    assertThat(Results.stamped(sink))
        .containsExactly(
            new Stamped<>(new Ev("a", 5, 8), 9L), new Stamped<>(new Ev("a", 10, 13), 19L));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void slidingWindowsMatchAPlainLoopOverOutOfOrderInput(int parallelism) throws Exception {
    long size = 100;
    long slide = 30;
    Random random = new Random(42);
    List<Step> script = new ArrayList<>();
    List<Ev> events = new ArrayList<>();
    long maxSeen = Long.MIN_VALUE;
    for (int i = 0; i < 600; i++) {
      long ts = i * 7L - random.nextInt(40); // out of order by up to 39 ms
      Ev e = new Ev("k" + random.nextInt(5), random.nextInt(1000), ts);
      events.add(e);
      script.add(ev(e.key(), e.value(), e.ts()));
      maxSeen = Math.max(maxSeen, ts);
      if (i % 10 == 9) {
        script.add(wm(maxSeen - 40)); // never passes an element still to come
      }
    }
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    Scripted.stream(env, script)
        .keyBy(Ev::key)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide)))
        .aggregate(new SumAggregate(), new LabelSum())
        .sinkTo(sink);
    env.execute("sliding");

    Map<Res, Integer> expected = new HashMap<>();
    Map<List<Object>, Long> sums = new HashMap<>();
    for (Ev e : events) {
      long lastStart = Math.floorDiv(e.ts(), slide) * slide;
      for (long start = lastStart; start > e.ts() - size; start -= slide) {
        sums.merge(List.of(e.key(), start), e.value(), Long::sum);
      }
    }
    sums.forEach(
        (window, sum) -> {
          long start = (Long) window.get(1);
          expected.merge(
              new Res((String) window.get(0), start, start + size, sum), 1, Integer::sum);
        });
    Map<Res, Integer> actual = new HashMap<>();
    for (Res r : sink.elements()) {
      actual.merge(r, 1, Integer::sum);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void sessionWindowsMergeWhenGapsOverlap(int parallelism) throws Exception {
    // a: 0 and 5 make [0, 15); 14 extends it to [0, 24); 30 starts [30, 40). b: 3 alone.
    List<Step> script =
        List.of(ev("a", 1, 0), ev("a", 4, 30), ev("a", 8, 14), ev("a", 2, 5), ev("b", 100, 3));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    Scripted.stream(env, script)
        .keyBy(Ev::key)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
        .process(new SumPerWindow())
        .sinkTo(sink);
    env.execute("sessions");

    assertThat(Results.stamped(sink))
        .containsExactlyInAnyOrder(
            new Stamped<>(new Res("a", 0, 24, 11), 23L),
            new Stamped<>(new Res("a", 30, 40, 4), 39L),
            new Stamped<>(new Res("b", 3, 13, 100), 12L));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void incrementalAggregateMergesAccumulatorsOfMergingSessions(int parallelism) throws Exception {
    List<Step> script =
        List.of(ev("a", 1, 0), ev("a", 2, 20), ev("a", 4, 10), ev("a", 8, 45), ev("a", 16, 50));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    Scripted.stream(env, script)
        .keyBy(Ev::key)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
        .aggregate(new SumAggregate(), new LabelSum())
        .sinkTo(sink);
    env.execute("session-aggregate");

    // 0, 20 are apart; 10 bridges them into [0, 30); 45 and 50 make [45, 60)
    assertThat(sink.elements())
        .containsExactlyInAnyOrder(new Res("a", 0, 30, 7), new Res("a", 45, 60, 24));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void countTriggerOnSessionsAddsTheCountsOfMergedSessions(int parallelism) throws Exception {
    // 0 and 20 are two sessions of one element each; 10 bridges them: 1 + 1 + 1 reaches 3
    List<Step> script = List.of(ev("a", 1, 0), ev("a", 2, 20), ev("a", 4, 10), ev("b", 8, 0));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    Scripted.stream(env, script)
        .keyBy(Ev::key)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
        .trigger(CountTrigger.of(3))
        .process(new SumPerWindow())
        .sinkTo(sink);
    env.execute("session-count-trigger");

    assertThat(sink.elements()).containsExactly(new Res("a", 0, 30, 7));
  }
}
