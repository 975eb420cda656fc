package io.sluice.testkit.windowing;

import static io.sluice.testkit.windowing.Scripted.ev;
import static io.sluice.testkit.windowing.Scripted.wm;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.windowing.Results.Res;
import io.sluice.testkit.windowing.Results.Stamped;
import io.sluice.testkit.windowing.Results.SumPerWindow;
import io.sluice.testkit.windowing.Scripted.Ev;
import io.sluice.testkit.windowing.Scripted.Step;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatenessTest {
  private static final OutputTag<Ev> LATE = new OutputTag<>("late", Ev.class);

  /** a@1, a@2 fill [0, 10), the watermark 10 ends it, then a@3 comes too late and a@15 on time. */
  private static final List<Step> ONE_LATE_ELEMENT =
      List.of(ev("a", 1, 1), ev("a", 2, 2), wm(10), ev("a", 4, 3), ev("a", 8, 15));

  @Test
  void lateElementIsDroppedWithoutSideOutput() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<Res> sink = new CollectSink<>();
    Scripted.stream(env, ONE_LATE_ELEMENT)
        .keyBy(Ev::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .process(new SumPerWindow())
        .sinkTo(sink);
    env.execute("late-dropped");

    assertThat(sink.elements()).containsExactly(new Res("a", 0, 10, 3), new Res("a", 10, 20, 8));
  }

  @Test
  void lateElementGoesToTheSideOutputWithItsTimestamp() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<Res> sink = new CollectSink<>();
    CollectSink<Ev> late = new CollectSink<>();
    DataStream<Res> results =
        Scripted.stream(env, ONE_LATE_ELEMENT)
            .keyBy(Ev::key)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .sideOutputLateData(LATE)
            .process(new SumPerWindow());
    results.sinkTo(sink);
    results.getSideOutput(LATE).sinkTo(late);
    env.execute("late-side-output");

    assertThat(sink.elements()).containsExactly(new Res("a", 0, 10, 3), new Res("a", 10, 20, 8));
    assertThat(Results.stamped(late)).containsExactly(new Stamped<>(new Ev("a", 4, 3), 3L));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void lateElementWithinAllowedLatenessFiresTheWindowAgainAndLaterOnesGoToTheSideOutput(
      int parallelism) throws Exception {
    List<Step> script =
        List.of(
            ev("a", 1, 1),
            ev("a", 2, 2),
            wm(10), // fires [0, 10) = 3
            ev("a", 4, 3), // within lateness 5: fires again with 7
            wm(14), // 9 + 5: [0, 10) is removed
            ev("a", 8, 4), // too late
            ev("a", 16, 15));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    CollectSink<Ev> late = new CollectSink<>();
    DataStream<Res> results =
        Scripted.stream(env, script)
            .keyBy(Ev::key)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .allowedLateness(Duration.ofMillis(5))
            .sideOutputLateData(LATE)
            .process(new SumPerWindow());
    results.sinkTo(sink);
    results.getSideOutput(LATE).sinkTo(late);
    env.execute("late-firing");

    assertThat(Results.stamped(sink))
        .containsExactly(
            new Stamped<>(new Res("a", 0, 10, 3), 9L),
            new Stamped<>(new Res("a", 0, 10, 7), 9L),
            new Stamped<>(new Res("a", 10, 20, 16), 19L));
    assertThat(late.elements()).containsExactly(new Ev("a", 8, 4));
  }

  @Test
  void lateElementBridgesTwoSessionsWithinAllowedLateness() throws Exception {
    List<Step> script =
        List.of(
            ev("a", 1, 0),
            ev("a", 2, 5), // [0, 15)
            ev("a", 4, 22), // [22, 32)
            wm(16), // fires [0, 15) = 3
            ev("a", 8, 13)); // [13, 23) touches both: one session [0, 32)
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<Res> sink = new CollectSink<>();
    Scripted.stream(env, script)
        .keyBy(Ev::key)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
        .allowedLateness(Duration.ofMillis(100))
        .process(new SumPerWindow())
        .sinkTo(sink);
    env.execute("late-bridge");

    assertThat(sink.elements()).containsExactly(new Res("a", 0, 15, 3), new Res("a", 0, 32, 15));
  }

  @Test
  void elementBehindTheWatermarkJoinsALiveSessionButNotARemovedOne() throws Exception {
    List<Step> script =
        List.of(
            ev("a", 1, 0),
            ev("a", 2, 5), // [0, 15)
            ev("a", 4, 22), // [22, 32)
            wm(16), // fires and removes [0, 15)
            ev("a", 8, 13), // [13, 23) merges with the live [22, 32) into [13, 32)
            ev("a", 16, 2)); // [2, 12) touches no live session and is late
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<Res> sink = new CollectSink<>();
    CollectSink<Ev> late = new CollectSink<>();
    DataStream<Res> results =
        Scripted.stream(env, script)
            .keyBy(Ev::key)
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
            .sideOutputLateData(LATE)
            .process(new SumPerWindow());
    results.sinkTo(sink);
    results.getSideOutput(LATE).sinkTo(late);
    env.execute("late-session");

    assertThat(sink.elements()).containsExactly(new Res("a", 0, 15, 3), new Res("a", 13, 32, 12));
    assertThat(late.elements()).containsExactly(new Ev("a", 16, 2));
  }
}
