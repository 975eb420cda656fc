package io.sluice.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a KeyedProcessFunction behaves under the harness: specs that double as examples. */
class KeyedProcessFunctionHarnessTest {
  record Reading(String sensor, int value) {}

  private KeyedOneInputOperatorHarness<String, Reading, String> harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  /**
   * Sums readings per sensor and reports the sum one minute (event time) after the sensor's first
   * reading; readings of value -1 cancel the pending report.
   */
  static final class SumPerMinute extends KeyedProcessFunction<String, Reading, String> {
    private transient ValueState<Integer> sum;
    private transient ValueState<Long> reportAt;

    @Override
    public void open(RuntimeContext context) {
      sum = context.getState(new ValueStateDescriptor<>("sum", Integer.class));
      reportAt = context.getState(new ValueStateDescriptor<>("reportAt", Long.class));
    }

    @Override
    public void processElement(Reading reading, Context<String> ctx, Collector<String> out) {
      if (reading.value() == -1) {
        if (reportAt.value() != null) {
          ctx.timerService().deleteEventTimeTimer(reportAt.value());
          reportAt.clear();
        }
        return;
      }
      sum.update((sum.value() == null ? 0 : sum.value()) + reading.value());
      if (reportAt.value() == null) {
        reportAt.update(ctx.timestamp() + 60_000);
        ctx.timerService().registerEventTimeTimer(reportAt.value());
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + "=" + sum.value());
      sum.clear();
      reportAt.clear();
    }
  }

  @Test
  void emitsOnTheEventTimeTimerWithTheTimersTimestamp() throws Exception {
    harness = Harnesses.forKeyedProcessFunction(new SumPerMinute(), Reading::sensor, String.class);

    harness.processElement(new Reading("s1", 3), 1_000);
    harness.processElement(new Reading("s1", 4), 30_000);
    harness.processWatermark(60_999); // the timer is at 61_000: not yet
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(61_000);

    assertThat(harness.getRecordOutput()).containsExactly(new StreamRecord<>("s1=7", 61_000));
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  /** Registers a timer at (timestamp rounded up to the next 10) for every element. */
  static final class TimerPerElement extends KeyedProcessFunction<String, Reading, String> {
    @Override
    public void processElement(Reading reading, Context<String> ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer((ctx.timestamp() / 10 + 1) * 10);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + "@" + timestamp);
    }
  }

  @Test
  void timersAreDeduplicatedPerKeyAndTime() throws Exception {
    harness =
        Harnesses.forKeyedProcessFunction(new TimerPerElement(), Reading::sensor, String.class);

    harness.processElement(new Reading("a", 0), 1); // a@10
    harness.processElement(new Reading("a", 0), 5); // a@10 again: same timer
    harness.processElement(new Reading("b", 0), 7); // b@10: another key, another timer
    harness.processElement(new Reading("a", 0), 12); // a@20
    assertThat(harness.numEventTimeTimers()).isEqualTo(3);

    harness.processWatermark(100);

    assertThat(harness.extractOutputValues())
        .containsExactlyInAnyOrder("a@10", "b@10", "a@20")
        .endsWith("a@20");
  }

  @Test
  void deletedTimersDoNotFire() throws Exception {
    harness = Harnesses.forKeyedProcessFunction(new SumPerMinute(), Reading::sensor, String.class);

    harness.processElement(new Reading("s1", 5), 0); // report at 60_000
    harness.processElement(new Reading("s2", 6), 0); // report at 60_000
    harness.processElement(new Reading("s1", -1), 10); // cancels s1's report
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(Long.MAX_VALUE);

    assertThat(harness.extractOutputValues()).containsExactly("s2=6");
  }

  /** Emits "key:n" n ms of processing time after each element with value n. */
  static final class Delay extends KeyedProcessFunction<String, Reading, String> {
    @Override
    public void processElement(Reading reading, Context<String> ctx, Collector<String> out) {
      long due = ctx.timerService().currentProcessingTime() + reading.value();
      ctx.timerService().registerProcessingTimeTimer(due);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(
          ctx.getCurrentKey()
              + "@"
              + timestamp
              + " now="
              + ctx.timerService().currentProcessingTime()
              + " "
              + ctx.timeDomain());
    }
  }

  @Test
  void processingTimeTimersFireInOrderWhenTimeIsAdvanced() throws Exception {
    harness = Harnesses.forKeyedProcessFunction(new Delay(), Reading::sensor, String.class);
    harness.setProcessingTime(1_000);

    harness.processElement(new Reading("x", 300));
    harness.processElement(new Reading("y", 100));
    harness.processElement(new Reading("z", 200));
    harness.setProcessingTime(1_150);
    assertThat(harness.extractOutputValues()).containsExactly("y@1100 now=1100 PROCESSING_TIME");

    harness.setProcessingTime(5_000);

    assertThat(harness.extractOutputValues())
        .containsExactly(
            "y@1100 now=1100 PROCESSING_TIME",
            "z@1200 now=1200 PROCESSING_TIME",
            "x@1300 now=1300 PROCESSING_TIME");
    // a processing-time timer's output carries no timestamp
    assertThat(harness.getRecordOutput()).allMatch(r -> !r.hasTimestamp());
    assertThat(harness.getProcessingTime()).isEqualTo(5_000);
  }

  @Test
  void processingTimeTimersDoNotFireOnWatermarks() throws Exception {
    harness = Harnesses.forKeyedProcessFunction(new Delay(), Reading::sensor, String.class);

    harness.processElement(new Reading("x", 10), 0);
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(10);
    assertThat(harness.extractOutputValues()).containsExactly("x@10 now=10 PROCESSING_TIME");
  }

  /** Keeps a running count per key and emits "key#count". */
  static final class CountPerKey extends KeyedProcessFunction<String, Reading, String> {
    private transient ValueState<Integer> count;

    @Override
    public void open(RuntimeContext context) {
      count = context.getState(new ValueStateDescriptor<>("count", Integer.class));
    }

    @Override
    public void processElement(Reading reading, Context<String> ctx, Collector<String> out) {
      int next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      out.collect(ctx.getCurrentKey() + "#" + next);
    }
  }

  @Test
  void stateIsIsolatedPerKey() throws Exception {
    harness = Harnesses.forKeyedProcessFunction(new CountPerKey(), Reading::sensor, String.class);
    List<String> sensors = List.of("a", "b", "a", "c", "a", "b");

    for (String sensor : sensors) {
      harness.processElement(new Reading(sensor, 0));
    }

    List<String> expected = new ArrayList<>();
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (String sensor : sensors) {
      expected.add(sensor + "#" + counts.merge(sensor, 1, Integer::sum));
    }
    assertThat(harness.extractOutputValues()).isEqualTo(expected);

    harness.setCurrentKey("a");
    assertThat(
            harness
                .getKeyedStateBackend()
                .getState(new ValueStateDescriptor<>("count", Integer.class))
                .value())
        .isEqualTo(3);
  }

  static final OutputTag<Reading> NEGATIVE = new OutputTag<>("negative", Reading.class);

  /** Passes non-negative readings on; negative ones go to a side output. */
  static final class SplitNegative extends KeyedProcessFunction<String, Reading, Reading> {
    @Override
    public void processElement(Reading reading, Context<String> ctx, Collector<Reading> out) {
      if (reading.value() < 0) {
        ctx.output(NEGATIVE, reading);
      } else {
        out.collect(reading);
      }
    }
  }

  @Test
  void sideOutputsAreCapturedWithTheElementsTimestamp() throws Exception {
    try (var split =
        Harnesses.forKeyedProcessFunction(new SplitNegative(), Reading::sensor, String.class)) {
      split.processElement(new Reading("a", 1), 10);
      split.processElement(new Reading("a", -2), 20);
      split.processElement(new Reading("b", -3), 30);

      assertThat(split.getOutput()).containsExactly(new StreamRecord<>(new Reading("a", 1), 10));
      assertThat(split.getSideOutput(NEGATIVE))
          .containsExactly(
              new StreamRecord<>(new Reading("a", -2), 20),
              new StreamRecord<>(new Reading("b", -3), 30));
      assertThat(split.getSideOutput(new OutputTag<>("other", Reading.class))).isEmpty();
    }
  }

  @Test
  void watermarksAreForwardedAfterTheTimersTheyFire() throws Exception {
    harness =
        Harnesses.forKeyedProcessFunction(new TimerPerElement(), Reading::sensor, String.class);

    harness.processElement(new Reading("a", 0), 3); // timer a@10
    harness.processElement(new Reading("a", 0), 25); // timer a@30
    harness.processWatermark(5);
    harness.processWatermark(12);
    harness.processWatermark(12); // not an advance: ignored, as by the runtime
    harness.processWatermark(40);

    assertThat(harness.getOutput())
        .containsExactly(
            new Watermark(5),
            new StreamRecord<>("a@10", 10),
            new Watermark(12),
            new StreamRecord<>("a@30", 30),
            new Watermark(40));
  }

  @Test
  void endOfInputFiresTimersSetForTheEndOfTime() throws Exception {
    harness =
        Harnesses.forKeyedProcessFunction(
            new KeyedProcessFunction<String, Reading, String>() {
              @Override
              public void processElement(
                  Reading reading, Context<String> ctx, Collector<String> out) {
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
              }

              @Override
              public void onTimer(
                  long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
                out.collect("final " + ctx.getCurrentKey());
              }
            },
            Reading::sensor,
            String.class);

    harness.processElement(new Reading("k", 1), 1);
    harness.processWatermark(1_000_000);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.endInput();

    assertThat(harness.extractOutputValues()).containsExactly("final k");
    assertThat(harness.extractWatermarks()).containsExactly(1_000_000L, Long.MAX_VALUE);
  }
}
