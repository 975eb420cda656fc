package io.sluice.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.operators.AbstractStreamOperator;
import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeutils.TypeHint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class OneInputOperatorHarnessTest {

  @Test
  void mapKeepsEachElementsTimestampAndForwardsWatermarks() throws Exception {
    try (var harness = Harnesses.forMap((String s) -> s.length())) {
      harness.processElement("abc", 10);
      harness.processElement("hello");
      harness.processWatermark(10);

      assertThat(harness.getOutput())
          .containsExactly(new StreamRecord<>(3, 10), StreamRecord.of(5), new Watermark(10));
      assertThat(harness.extractOutputValues()).containsExactly(3, 5);
    }
  }

  @Test
  void flatMapAndFilterEmitWhatTheFunctionsDecide() throws Exception {
    try (var words =
            Harnesses.forFlatMap(
                (String line, Collector<String> out) -> {
                  for (String w : line.split(" ")) {
                    out.collect(w);
                  }
                });
        var longWords = Harnesses.forFilter((String w) -> w.length() > 3)) {
      words.processElement("to be or not to be that is", 7);
      for (StreamRecord<String> word : words.getRecordOutput()) {
        longWords.processElement(word);
      }

      assertThat(words.getRecordOutput()).hasSize(8).allMatch(r -> r.timestamp() == 7);
      assertThat(longWords.getRecordOutput()).containsExactly(new StreamRecord<>("that", 7));
    }
  }

  @Test
  void processFunctionSeesTimestampsAndWritesSideOutputs() throws Exception {
    var tooOld = new io.sluice.api.functions.OutputTag<>("too-old", Long.class);
    try (var harness =
        Harnesses.forProcessFunction(
            new ProcessFunction<Long, String>() {
              @Override
              public void processElement(Long value, Context ctx, Collector<String> out) {
                if (ctx.timestamp() == null) {
                  out.collect(value + " untimed");
                } else if (ctx.timestamp() < 100) {
                  ctx.output(tooOld, value);
                } else {
                  out.collect(value + " at " + ctx.timestamp());
                }
              }
            })) {
      harness.processElement(1L, 50);
      harness.processElement(2L, 150);
      harness.processElement(3L);

      assertThat(harness.extractOutputValues()).containsExactly("2 at 150", "3 untimed");
      assertThat(harness.getSideOutput(tooOld)).containsExactly(new StreamRecord<>(1L, 50));
      assertThat(harness.extractSideOutputValues(tooOld)).containsExactly(1L);
    }
  }

  @Test
  void timersInANonKeyedHarnessFailAsOnANonKeyedStream() throws Exception {
    try (var harness =
        Harnesses.forProcessFunction(
            new ProcessFunction<String, String>() {
              @Override
              public void processElement(String value, Context ctx, Collector<String> out) {
                ctx.timerService().registerEventTimeTimer(10);
              }
            })) {
      assertThatThrownBy(() -> harness.processElement("x", 1))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("keyed stream");
    }
  }

  /** Reads keyed state in open(), which only works after keyBy. */
  static final class NeedsState implements MapFunction<String, String>, RichFunction {
    @Override
    public void open(RuntimeContext context) {
      context.getState(new ValueStateDescriptor<>("seen", Boolean.class));
    }

    @Override
    public String map(String value) {
      return value;
    }
  }

  @Test
  void keyedStateInANonKeyedHarnessIsAClearError() {
    assertThatThrownBy(() -> Harnesses.forMap(new NeedsState()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("only available on a keyed stream")
        .hasMessageContaining("StreamMap (1/1)");
  }

  @Test
  void richFunctionsSeeOneSubtaskAndTheDefaultMaxParallelism() throws Exception {
    List<String> seen = new ArrayList<>();
    class Describe implements MapFunction<String, String>, RichFunction {
      @Override
      public void open(RuntimeContext context) {
        seen.add(
            context.getJobId()
                + " "
                + context.getTaskNameWithSubtask()
                + " "
                + context.getIndexOfThisSubtask()
                + "/"
                + context.getNumberOfParallelSubtasks()
                + " max "
                + context.getMaxNumberOfParallelSubtasks());
      }

      @Override
      public String map(String value) {
        return value;
      }
    }
    Harnesses.forMap(new Describe()).close();
    assertThat(seen).containsExactly("harness StreamMap (1/1) 0/1 max 128");
  }

  @Test
  void keyedReduceEmitsTheRollingValuePerKey() throws Exception {
    try (var harness =
        Harnesses.forKeyedReduce(
            (Tuple2<String, Integer> a, Tuple2<String, Integer> b) -> Tuple2.of(a.f0, a.f1 + b.f1),
            (Tuple2<String, Integer> t) -> t.f0,
            String.class,
            new TypeHint<Tuple2<String, Integer>>() {}.getType())) {
      harness.processElement(Tuple2.of("a", 1), 1);
      harness.processElement(Tuple2.of("b", 10), 2);
      harness.processElement(Tuple2.of("a", 2), 3);

      assertThat(harness.getOutput())
          .containsExactly(
              new StreamRecord<>(Tuple2.of("a", 1), 1),
              new StreamRecord<>(Tuple2.of("b", 10), 2),
              new StreamRecord<>(Tuple2.of("a", 3), 3));
    }
  }

  @Test
  void callingBeforeOpenOrAfterFinishIsRefused() throws Exception {
    var harness =
        new OneInputOperatorHarness<>(new io.sluice.api.operators.StreamMap<>((String s) -> s));
    assertThatThrownBy(() -> harness.processElement("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call open() first");

    harness.open();
    harness.finish();
    assertThatThrownBy(() -> harness.processWatermark(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FINISHED");
    harness.close();
    harness.close(); // idempotent
  }

  /**
   * Emits each element squared, computed on another thread and handed back through the mailbox: the
   * pattern of async operators.
   */
  static final class SquareElsewhere extends AbstractStreamOperator<Integer>
      implements OneInputStreamOperator<Integer, Integer> {
    private final ExecutorService pool;
    final List<Thread> emittedOn = java.util.Collections.synchronizedList(new ArrayList<>());

    SquareElsewhere(ExecutorService pool) {
      this.pool = pool;
    }

    @Override
    public void processElement(Integer value, long timestamp) {
      CompletableFuture.supplyAsync(() -> value * value, pool)
          .thenAcceptAsync(
              square -> {
                emittedOn.add(Thread.currentThread());
                output.collect(square, timestamp);
              },
              context.getMailboxExecutor());
    }
  }

  @Test
  void mailsPostedFromOtherThreadsRunOnTheTestThreadWhenAskedFor() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    SquareElsewhere operator = new SquareElsewhere(pool);
    try (var harness = new OneInputOperatorHarness<>(operator)) {
      harness.open();
      harness.processElement(3, 30);
      harness.processElement(4, 40);

      harness.runMailboxUntil(() -> harness.getRecordOutput().size() == 2, Duration.ofSeconds(10));

      assertThat(harness.getRecordOutput())
          .containsExactlyInAnyOrder(new StreamRecord<>(9, 30), new StreamRecord<>(16, 40));
      assertThat(operator.emittedOn).containsOnly(Thread.currentThread());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Like {@link SquareElsewhere}, but waits in finish() until every result is back, by yielding to
   * the mailbox. (Calls yieldUntil reflectively: the operator-context method arrives with the async
   * I/O work; once it is merged this is a plain {@code context.yieldUntil(...)}.)
   */
  static final class SquareAndDrain extends AbstractStreamOperator<Integer>
      implements OneInputStreamOperator<Integer, Integer> {
    private final ExecutorService pool;
    private int inFlight;

    SquareAndDrain(ExecutorService pool) {
      this.pool = pool;
    }

    @Override
    public void processElement(Integer value, long timestamp) {
      inFlight++;
      CompletableFuture.supplyAsync(() -> value * value, pool)
          .thenAcceptAsync(
              square -> {
                inFlight--;
                output.collect(square, timestamp);
              },
              context.getMailboxExecutor());
    }

    @Override
    public void finish() throws Exception {
      java.util.function.BooleanSupplier drained = () -> inFlight == 0;
      context
          .getClass()
          .getMethod("yieldUntil", java.util.function.BooleanSupplier.class)
          .invoke(context, drained);
    }
  }

  @Test
  void anOperatorWaitingInFinishRunsTheMailsOfOtherThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (var harness = new OneInputOperatorHarness<>(new SquareAndDrain(pool))) {
      harness.open();
      for (int i = 1; i <= 20; i++) {
        harness.processElement(i, i);
      }

      harness.finish();

      List<StreamRecord<Integer>> expected = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        expected.add(new StreamRecord<>(i * i, i));
      }
      assertThat(harness.getRecordOutput()).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void runMailboxUntilGivesUpAfterTheTimeout() throws Exception {
    try (var harness = Harnesses.forMap((Integer i) -> i)) {
      assertThatThrownBy(() -> harness.runMailboxUntil(() -> false, Duration.ofMillis(20)))
          .isInstanceOf(java.util.concurrent.TimeoutException.class)
          .hasMessageContaining("0 mails queued");
    }
  }

  /** Emits "tick@t" at processing times 100, 200, … via scheduleAt, re-arming itself. */
  static final class Ticker extends AbstractStreamOperator<String>
      implements OneInputStreamOperator<String, String> {
    @Override
    public void open() {
      arm(100);
    }

    private void arm(long time) {
      context.scheduleAt(
          time,
          () -> {
            output.collect("tick@" + context.currentProcessingTime(), time);
            arm(time + 100);
          });
    }

    @Override
    public void processElement(String value, long timestamp) {}
  }

  @Test
  void scheduledCallbacksRunWhenProcessingTimeReachesThem() throws Exception {
    try (var harness = new OneInputOperatorHarness<>(new Ticker())) {
      harness.open();
      harness.setProcessingTime(99);
      assertThat(harness.getOutput()).isEmpty();

      harness.setProcessingTime(350);

      assertThat(harness.extractOutputValues()).containsExactly("tick@100", "tick@200", "tick@300");
    }
  }

  @Test
  void clearOutputForgetsWhatWasCollected() throws Exception {
    try (var harness = Harnesses.forMap((String s) -> s + "!")) {
      harness.processElement("a");
      harness.clearOutput();
      harness.processElement("b");
      assertThat(harness.extractOutputValues()).containsExactly("b!");
    }
  }
}
