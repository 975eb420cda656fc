package io.sluice.testkit.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.JobExecutionException;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.async.AsyncDataStream;
import io.sluice.api.async.AsyncFunction;
import io.sluice.api.async.ResultFuture;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncIoTest {
  /** In-flight counters per test (functions are copied to subtasks, so state lives here). */
  private static final Map<String, AtomicInteger[]> COUNTERS = new ConcurrentHashMap<>();

  private final String testId = UUID.randomUUID().toString();

  @AfterEach
  void forgetCounters() {
    COUNTERS.remove(testId);
  }

  /**
   * Completes each request with {@code "v" + input} from a pool thread after a random delay of up
   * to 3 ms, so completions arrive out of order; tracks the highest number in flight.
   */
  static final class RandomDelayLookup implements AsyncFunction<Integer, String> {
    private final String testId;

    RandomDelayLookup(String testId) {
      this.testId = testId;
      COUNTERS.putIfAbsent(testId, new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()});
    }

    @Override
    public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {
      AtomicInteger[] counters = COUNTERS.get(testId);
      int inFlight = counters[0].incrementAndGet();
      counters[1].accumulateAndGet(inFlight, Math::max);
      long delay = ThreadLocalRandom.current().nextLong(0, 3_000);
      CompletableFuture.runAsync(
          () -> {
            counters[0].decrementAndGet();
            resultFuture.complete(List.of("v" + input));
          },
          CompletableFuture.delayedExecutor(delay, TimeUnit.MICROSECONDS));
    }
  }

  private int maxInFlight() {
    return COUNTERS.get(testId)[1].get();
  }

  private static DataStream<Integer> numbers(StreamEnvironment env, int count) {
    // timestamp = the number itself
    return env.fromSource(
        new CollectionSource<>(IntStream.range(0, count).boxed().toList()),
        WatermarkStrategy.<Integer>noWatermarks().withTimestampAssigner((n, ts) -> n),
        "numbers",
        Integer.class);
  }

  @Test
  void orderedWaitEmitsResultsInInputOrderWithTheInputTimestamps() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<String> sink = new CollectSink<>();
    AsyncDataStream.orderedWait(
            numbers(env, 500), new RandomDelayLookup(testId), 10, TimeUnit.SECONDS, 20)
        .sinkTo(sink);
    env.execute("ordered");

    List<String> expected = new ArrayList<>();
    List<Long> expectedTimestamps = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      expected.add("v" + i);
      expectedTimestamps.add((long) i);
    }
    assertThat(sink.elements()).containsExactlyElementsOf(expected);
    assertThat(sink.timestamps()).containsExactlyElementsOf(expectedTimestamps);
    assertThat(maxInFlight()).isBetween(1, 20);
  }

  @Test
  void unorderedWaitEmitsTheSameResultsEachWithItsInputTimestamp() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<String> sink = new CollectSink<>();
    AsyncDataStream.unorderedWait(
            numbers(env, 500), new RandomDelayLookup(testId), 10, TimeUnit.SECONDS, 20)
        .sinkTo(sink);
    env.execute("unordered");

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      expected.add("v" + i);
    }
    assertThat(sink.elements()).containsExactlyInAnyOrderElementsOf(expected);
    List<String> withTimestamps = new ArrayList<>();
    for (int i = 0; i < sink.elements().size(); i++) {
      withTimestamps.add(sink.elements().get(i) + "@" + sink.timestamps().get(i));
    }
    assertThat(withTimestamps)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 500).mapToObj(i -> "v" + i + "@" + i).toList());
  }

  @Test
  void noMoreThanCapacityRequestsAreEverInFlight() throws Exception {
    int capacity = 3;
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<String> sink = new CollectSink<>();
    AsyncDataStream.unorderedWait(
            numbers(env, 300), new RandomDelayLookup(testId), 10, TimeUnit.SECONDS, capacity)
        .sinkTo(sink);
    env.execute("capacity");

    assertThat(sink.elements()).hasSize(300);
    assertThat(maxInFlight()).isBetween(1, capacity);
  }

  /** Punctuated: a watermark equal to the number after every 50th. */
  static final class EveryFiftieth implements WatermarkGenerator<Integer> {
    @Override
    public void onEvent(Integer event, long eventTimestamp, WatermarkOutput output) {
      if (event % 50 == 49) {
        output.emitWatermark(eventTimestamp);
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /** Tags each element "late" if it arrives at or behind the current watermark. */
  static final class LatenessCheck extends ProcessFunction<String, String> {
    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      boolean late = ctx.timestamp() <= ctx.timerService().currentWatermark();
      out.collect(late ? "late " + value : value);
    }
  }

  @Test
  void unorderedResultsNeverOvertakeOrFallBehindAWatermark() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<String> sink = new CollectSink<>();
    WatermarkStrategy<Integer> punctuated = EveryFiftieth::new;
    DataStream<Integer> input =
        env.fromSource(
            new CollectionSource<>(IntStream.range(0, 400).boxed().toList()),
            punctuated.withTimestampAssigner((n, ts) -> n),
            "numbers",
            Integer.class);
    AsyncDataStream.unorderedWait(input, new RandomDelayLookup(testId), 10, TimeUnit.SECONDS, 30)
        .process(new LatenessCheck())
        .sinkTo(sink);
    env.execute("unordered-watermarks");

    // No element is late: the watermark after n (n % 50 == 49) equals n, and every element up to
    // n is emitted before it, every later one after it.
    List<String> expected = IntStream.range(0, 400).mapToObj(i -> "v" + i).toList();
    assertThat(sink.elements()).containsExactlyInAnyOrderElementsOf(expected);
    // Between two watermarks the results may be in any order, but the blocks keep their order.
    List<String> blocks = new ArrayList<>();
    for (String value : sink.elements()) {
      blocks.add("block " + Integer.parseInt(value.substring(1)) / 50);
    }
    List<String> expectedBlocks = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      expectedBlocks.add("block " + i / 50);
    }
    assertThat(blocks).containsExactlyElementsOf(expectedBlocks);
  }

  /** Never completes: every request times out. */
  static final class NeverAnswers implements AsyncFunction<Integer, String> {
    @Override
    public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {}
  }

  @Test
  void aTimeoutWithTheDefaultHookFailsTheJobNamingTheOperatorAndTheTimeout() {
    StreamEnvironment env = LocalEnvironment.create(1);
    AsyncDataStream.orderedWait(numbers(env, 3), new NeverAnswers(), 50, TimeUnit.MILLISECONDS, 5)
        .returns(String.class)
        .name("profile lookup")
        .sinkTo(new CollectSink<>());

    assertThatThrownBy(() -> env.execute("timeout"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("profile lookup (1/1)")
        .hasMessageContaining("timed out after 50 ms")
        .hasRootCauseInstanceOf(TimeoutException.class)
        .satisfies(
            e -> {
              Throwable named = e;
              while (!(named instanceof TimeoutException)
                  || !named.getMessage().contains("profile lookup")) {
                named = named.getCause();
              }
              assertThat(named)
                  .hasMessageContaining("'profile lookup (1/1)' timed out after 50 ms")
                  .hasMessageContaining("override AsyncFunction.timeout");
            });
  }

  /** Answers even numbers at once; odd ones never, and their timeout emits a fallback. */
  static final class FallbackOnTimeout implements AsyncFunction<Integer, String> {
    @Override
    public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {
      if (input % 2 == 0) {
        resultFuture.complete(List.of("ok " + input));
      }
    }

    @Override
    public void timeout(Integer input, ResultFuture<String> resultFuture) {
      resultFuture.complete(List.of("fallback " + input));
    }
  }

  @Test
  void theTimeoutHookCanEmitAFallbackInPlaceOfTheResult() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<String> sink = new CollectSink<>();
    AsyncDataStream.orderedWait(
            numbers(env, 20), new FallbackOnTimeout(), 20, TimeUnit.MILLISECONDS, 4)
        .sinkTo(sink);
    env.execute("fallback");

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add(i % 2 == 0 ? "ok " + i : "fallback " + i);
    }
    assertThat(sink.elements()).containsExactlyElementsOf(expected);
  }

  /** Fails every request from another thread. */
  static final class Broken implements AsyncFunction<Integer, String> {
    @Override
    public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {
      CompletableFuture.runAsync(
          () -> resultFuture.completeExceptionally(new IllegalStateException("service down")));
    }
  }

  @Test
  void aFailedRequestFailsTheJobWithItsCause() {
    StreamEnvironment env = LocalEnvironment.create(1);
    AsyncDataStream.unorderedWait(numbers(env, 10), new Broken(), 0, TimeUnit.SECONDS, 2)
        .sinkTo(new CollectSink<>());

    assertThatThrownBy(() -> env.execute("broken"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Async Wait (1/1)")
        .hasRootCauseMessage("service down");
  }
}
