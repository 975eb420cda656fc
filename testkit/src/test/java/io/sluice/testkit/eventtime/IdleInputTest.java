package io.sluice.testkit.eventtime;

import static io.sluice.testkit.eventtime.ScriptedSource.await;
import static io.sluice.testkit.eventtime.ScriptedSource.emit;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.eventtime.ScriptedSource.Event;
import io.sluice.testkit.eventtime.ScriptedSource.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A quiet source partition must not stall event time downstream; Flink's idleness semantics. */
class IdleInputTest {
  private final String testId = UUID.randomUUID().toString();

  @AfterEach
  void releaseTheJob() {
    ScriptedSource.openAll(testId);
  }

  /** Registers an event-time timer at each element's time; emits the time when it fires. */
  static final class TimerAtEventTime extends KeyedProcessFunction<String, Event, Long> {
    @Override
    public void processElement(Event value, Context<String> ctx, Collector<Long> out) {
      ctx.timerService().registerEventTimeTimer(value.time());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<Long> out) {
      out.collect(timestamp);
    }
  }

  @ParameterizedTest(name = "through a rebalance: {0}")
  @ValueSource(booleans = {false, true})
  void anIdleSourceSubtaskDoesNotHoldBackEventTimeTimers(boolean throughRebalance)
      throws Exception {
    List<Long> times = List.of(100L, 200L, 300L, 400L, 500L);
    List<Step> busy = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      busy.add(emit("k" + i, times.get(i)));
    }
    busy.add(await("release"));
    // subtask 1 reads nothing until released: without idleness it would hold event time at MIN
    ScriptedSource source =
        new ScriptedSource(testId, Map.of(0, busy, 1, List.of(await("release"))));

    StreamEnvironment env = LocalEnvironment.create(2);
    env.setAutoWatermarkInterval(Duration.ofMillis(10));
    env.setBufferTimeout(0);
    CollectSink<Long> fired = new CollectSink<>();
    DataStream<Event> events =
        env.fromSource(
            source,
            WatermarkStrategy.<Event>forMonotonousTimestamps()
                .withTimestampAssigner((e, ts) -> e.time())
                .withIdleness(Duration.ofMillis(50)),
            "scripted",
            Event.class);
    if (throughRebalance) {
      events = events.rebalance().map(e -> e).returns(Event.class);
    }
    events.keyBy(Event::key).process(new TimerAtEventTime()).sinkTo(fired);

    RunningJob job = RunningJob.start(env, "idle-partition");
    long watermark = times.stream().mapToLong(Long::longValue).max().orElseThrow() - 1;
    List<Long> dueBeforeRelease = times.stream().filter(t -> t <= watermark).toList();
    job.awaitUntil(
        "timers up to the busy subtask's watermark",
        () -> fired.elements().size() >= dueBeforeRelease.size());
    assertThat(fired.elements()).containsExactlyInAnyOrderElementsOf(dueBeforeRelease);

    ScriptedSource.open(testId, "release");
    job.join();
    assertThat(fired.elements()).containsExactlyInAnyOrderElementsOf(times);
  }

  /**
   * Punctuated: a watermark of time - 1 after each event; an event with key "idle" declares the
   * subtask idle instead.
   */
  static final class PunctuatedWithIdleMarker implements WatermarkGenerator<Event> {
    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      if (event.key().equals("idle")) {
        output.markIdle();
      } else {
        output.emitWatermark(eventTimestamp - 1);
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /** Logs each element with the watermark it met, and each timer; timers only for on-time ones. */
  static final class WatermarkLog extends KeyedProcessFunction<String, Event, String> {
    @Override
    public void processElement(Event value, Context<String> ctx, Collector<String> out) {
      long watermark = ctx.timerService().currentWatermark();
      String name = value.key().equals("idle") ? "marker" : "elem " + value.time();
      out.collect(name + " @" + format(watermark));
      if (!value.key().equals("idle") && value.time() > watermark) {
        ctx.timerService().registerEventTimeTimer(value.time());
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect("timer " + timestamp);
    }

    static String format(long watermark) {
      return watermark == Long.MIN_VALUE ? "MIN" : String.valueOf(watermark);
    }
  }

  @Test
  void aChannelBecomingActiveAgainBehindTheWatermarkNeitherRegressesNorStallsIt() throws Exception {
    ScriptedSource source =
        new ScriptedSource(
            testId,
            Map.of(
                0,
                List.of(
                    await("s0-start"),
                    emit("a", 1000),
                    await("s0-advance"),
                    emit("a", 2000),
                    await("release")),
                1,
                List.of(
                    emit("a", 10),
                    emit("idle", 10),
                    await("s1-resume"),
                    emit("a", 20),
                    await("release"))));
    StreamEnvironment env = LocalEnvironment.create(1); // one consumer, one sink: a total order
    env.setBufferTimeout(0);
    CollectSink<String> log = new CollectSink<>();
    WatermarkStrategy<Event> punctuated = PunctuatedWithIdleMarker::new;
    env.fromSource(
            source, punctuated.withTimestampAssigner((e, ts) -> e.time()), "scripted", Event.class)
        .setParallelism(2)
        .keyBy(e -> "all", String.class)
        .process(new WatermarkLog())
        .sinkTo(log);

    RunningJob job = RunningJob.start(env, "reactivation");
    job.awaitUntil("the idle marker downstream", () -> log.elements().contains("marker @MIN"));
    ScriptedSource.open(testId, "s0-start");
    // subtask 1 is idle at watermark 9: subtask 0 alone moves event time to 999
    job.awaitUntil("timer 10", () -> log.elements().contains("timer 10"));
    ScriptedSource.open(testId, "s1-resume");
    // subtask 1 is active again with watermark 19: the combined watermark stays 999
    job.awaitUntil("the late element", () -> log.elements().contains("elem 20 @999"));
    ScriptedSource.open(testId, "s0-advance");
    // subtask 1 has not caught up with 999, so it does not hold the watermark back at 19
    job.awaitUntil("timer 1000", () -> log.elements().contains("timer 1000"));
    ScriptedSource.open(testId, "release");
    job.join();

    assertThat(log.elements())
        .containsExactly(
            "elem 10 @MIN",
            "marker @MIN",
            "elem 1000 @MIN",
            "timer 10",
            "elem 20 @999",
            "elem 2000 @999",
            "timer 1000",
            "timer 2000");
  }
}
