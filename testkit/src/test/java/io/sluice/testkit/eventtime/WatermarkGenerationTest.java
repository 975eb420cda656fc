package io.sluice.testkit.eventtime;

import static io.sluice.testkit.eventtime.ScriptedSource.await;
import static io.sluice.testkit.eventtime.ScriptedSource.emit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.eventtime.BoundedOutOfOrdernessWatermarks;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.eventtime.WatermarksWithIdleness;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Periodic and punctuated generators, bounded out-of-orderness values, idleness detection. */
class WatermarkGenerationTest {
  private final String testId = UUID.randomUUID().toString();

  @AfterEach
  void releaseTheJob() {
    ScriptedSource.openAll(testId);
  }

  /** Records what a generator emits. */
  static final class RecordingOutput implements WatermarkOutput {
    final List<String> emitted = new ArrayList<>();

    @Override
    public void emitWatermark(long watermark) {
      emitted.add(String.valueOf(watermark));
    }

    @Override
    public void markIdle() {
      emitted.add("idle");
    }

    @Override
    public void markActive() {
      emitted.add("active");
    }
  }

  /** Logs elements with the watermark they met, and timers with the watermark that fired them. */
  static final class WatermarkLog extends KeyedProcessFunction<String, Event, String> {
    @Override
    public void processElement(Event value, Context<String> ctx, Collector<String> out) {
      out.collect(value.key() + " " + value.time() + " @" + format(ctx));
      ctx.timerService().registerEventTimeTimer(value.time());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect("timer " + timestamp + " @" + format(ctx));
    }

    private static String format(Context<String> ctx) {
      long watermark = ctx.timerService().currentWatermark();
      return watermark == Long.MIN_VALUE
          ? "MIN"
          : watermark == Long.MAX_VALUE ? "MAX" : String.valueOf(watermark);
    }
  }

  @Test
  void boundedOutOfOrdernessEmitsTheHighestTimestampMinusTheBoundMinusOne() {
    BoundedOutOfOrdernessWatermarks<String> generator =
        new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(500));
    RecordingOutput output = new RecordingOutput();
    long[] times = {1000, 1500, 1200, 3000, 2500};
    List<String> expected = new ArrayList<>();
    long max = Long.MIN_VALUE;
    for (long t : times) {
      generator.onEvent("e", t, output);
      generator.onPeriodicEmit(output);
      max = Math.max(max, t);
      expected.add(String.valueOf(max - 500 - 1));
    }
    assertThat(output.emitted).containsExactlyElementsOf(expected);
  }

  @Test
  void periodicWatermarksAdvanceWhileTheSourceWaitsWithoutEvents() throws Exception {
    long[] times = {1000, 1500, 1200, 3000, 2500};
    long bound = 500;
    List<Step> script = new ArrayList<>();
    for (long t : times) {
      script.add(emit("k", t));
    }
    script.add(await("release"));
    StreamEnvironment env = LocalEnvironment.create(1);
    env.setAutoWatermarkInterval(Duration.ofMillis(10));
    env.setBufferTimeout(0);
    CollectSink<String> log = new CollectSink<>();
    env.fromSource(
            new ScriptedSource(testId, Map.of(0, script)),
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(bound))
                .withTimestampAssigner((e, ts) -> e.time()),
            "scripted",
            Event.class)
        .keyBy(Event::key)
        .process(new WatermarkLog())
        .sinkTo(log);

    // Computed by hand: every event is read before the source waits; the periodic watermark is
    // then max - bound - 1, and only it can fire timers (the events alone emit none).
    long max = Long.MIN_VALUE;
    for (long t : times) {
      max = Math.max(max, t);
    }
    long watermark = max - bound - 1;
    List<String> firedWhileWaiting = new ArrayList<>();
    List<String> firedAtTheEnd = new ArrayList<>();
    for (long t : java.util.stream.LongStream.of(times).sorted().toArray()) {
      if (t <= watermark) {
        firedWhileWaiting.add("timer " + t + " @" + watermark);
      } else {
        firedAtTheEnd.add("timer " + t + " @MAX");
      }
    }

    RunningJob job = RunningJob.start(env, "periodic");
    job.awaitUntil(
        "the periodic watermark to fire timers",
        () -> timers(log).size() >= firedWhileWaiting.size());
    assertThat(timers(log)).containsExactlyElementsOf(firedWhileWaiting);
    ScriptedSource.open(testId, "release");
    job.join();

    List<String> allFired = new ArrayList<>(firedWhileWaiting);
    allFired.addAll(firedAtTheEnd);
    assertThat(timers(log)).containsExactlyElementsOf(allFired);
  }

  private static List<String> timers(CollectSink<String> log) {
    return log.elements().stream().filter(line -> line.startsWith("timer")).toList();
  }

  /** Punctuated: events whose key starts with "!" carry a watermark of their time minus 1. */
  static final class MarkerWatermarks implements WatermarkGenerator<Event> {
    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      if (event.key().startsWith("!")) {
        output.emitWatermark(eventTimestamp - 1);
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  @Test
  void punctuatedWatermarksFollowTheirEventAndNeverGoBack() throws Exception {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long time = 100L * i + (i % 3 == 0 ? 50 : 0);
      events.add(new Event(i % 5 == 4 ? "!" : "k", time));
    }
    events.add(new Event("!", 7)); // a marker behind the watermark: ignored
    events.add(new Event("k", 9999));
    List<Step> script = new ArrayList<>();
    for (Event e : events) {
      script.add(emit(e.key(), e.time()));
    }
    StreamEnvironment env = LocalEnvironment.create(1);
    env.setAutoWatermarkInterval(Duration.ofMillis(5)); // periodic calls must not interfere
    CollectSink<String> log = new CollectSink<>();
    WatermarkStrategy<Event> punctuated = MarkerWatermarks::new;
    env.fromSource(
            new ScriptedSource(testId, Map.of(0, script)),
            punctuated.withTimestampAssigner((e, ts) -> e.time()),
            "scripted",
            Event.class)
        .keyBy(e -> "all", String.class)
        .process(new ElementLog())
        .sinkTo(log);
    env.execute("punctuated");

    List<String> expected = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    for (Event e : events) {
      expected.add(
          e.key() + " " + e.time() + " @" + (watermark == Long.MIN_VALUE ? "MIN" : watermark));
      if (e.key().startsWith("!")) {
        watermark = Math.max(watermark, e.time() - 1);
      }
    }
    assertThat(log.elements()).containsExactlyElementsOf(expected);
  }

  /** Logs each element with the watermark it met. */
  static final class ElementLog extends KeyedProcessFunction<String, Event, String> {
    @Override
    public void processElement(Event value, Context<String> ctx, Collector<String> out) {
      long watermark = ctx.timerService().currentWatermark();
      out.collect(
          value.key()
              + " "
              + value.time()
              + " @"
              + (watermark == Long.MIN_VALUE ? "MIN" : String.valueOf(watermark)));
    }
  }

  @Test
  void aGeneratorWithIdlenessGoesIdleAfterTheTimeoutWithoutEventsAndBackOnTheNextEvent() {
    AtomicLong nanos = new AtomicLong(1_000);
    WatermarksWithIdleness<String> generator =
        new WatermarksWithIdleness<>(
            new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO),
            Duration.ofMillis(100),
            nanos::get);
    RecordingOutput output = new RecordingOutput();

    generator.onEvent("a", 50, output);
    generator.onPeriodicEmit(output); // an event since the last check: delegate emits 49
    nanos.addAndGet(Duration.ofMillis(99).toNanos());
    generator.onPeriodicEmit(output); // quiet for 99 ms: not idle yet
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    generator.onPeriodicEmit(output); // quiet for 100 ms: idle
    nanos.addAndGet(Duration.ofMillis(500).toNanos());
    generator.onPeriodicEmit(output); // still idle: nothing more
    generator.onEvent("b", 70, output);
    generator.onPeriodicEmit(output); // active again: delegate emits 69

    assertThat(output.emitted).containsExactly("49", "49", "idle", "69");
  }

  @Test
  void withIdlenessKeepsTheTimestampAssignerAndRejectsANonPositiveTimeout() {
    WatermarkStrategy<Event> strategy =
        WatermarkStrategy.<Event>forMonotonousTimestamps()
            .withTimestampAssigner((e, ts) -> e.time() * 2)
            .withIdleness(Duration.ofSeconds(1));
    assertThat(strategy.createTimestampAssigner().extractTimestamp(new Event("k", 21), 0))
        .isEqualTo(42);
    assertThat(strategy.createWatermarkGenerator()).isInstanceOf(WatermarksWithIdleness.class);
    assertThatThrownBy(() -> strategy.withIdleness(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idle timeout must be positive");
  }

  @Test
  void theAutoWatermarkIntervalIsPartOfTheJobConfig() {
    StreamEnvironment env = LocalEnvironment.create(1);
    assertThat(env.getConfig().autoWatermarkIntervalMillis()).isEqualTo(200);
    env.setAutoWatermarkInterval(Duration.ofMillis(35));
    assertThat(env.getConfig().autoWatermarkIntervalMillis()).isEqualTo(35);
    assertThatThrownBy(() -> env.setAutoWatermarkInterval(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
