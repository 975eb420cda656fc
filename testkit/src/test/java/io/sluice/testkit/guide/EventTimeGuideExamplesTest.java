package io.sluice.testkit.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.JobResult;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.guide.UserGuideExamplesTest.Reading;
import io.sluice.testkit.guide.UserGuideExamplesTest.SilenceAlert;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runnable examples of the user guide's event-time sections: idle inputs and windows. */
class EventTimeGuideExamplesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String testId = UUID.randomUUID().toString();

  @AfterEach
  void releaseTheQuietPartition() {
    QuietPartitionSource.release(testId);
  }

  // ---- Idle inputs ----

  @Test
  void idleInputs_aQuietPartitionDoesNotHoldBackEventTime() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    env.setAutoWatermarkInterval(Duration.ofMillis(10));
    CollectSink<String> alerts = new CollectSink<>();
    // partition 0 reads s1@1000 and s2@20000, partition 1 nothing until released
    QuietPartitionSource partitions =
        new QuietPartitionSource(
            testId, List.of(new Reading("s1", 1_000), new Reading("s2", 20_000)));

    env.fromSource(
            partitions,
            WatermarkStrategy.<Reading>forMonotonousTimestamps()
                .withTimestampAssigner((reading, previous) -> reading.time())
                .withIdleness(Duration.ofMillis(100)),
            "readings",
            Reading.class)
        .keyBy(Reading::sensor)
        .process(new SilenceAlert())
        .sinkTo(alerts);
    CompletableFuture<JobResult> job = start(env, "idle partition");

    // event time reaches 19_999 on partition 0 alone, firing s1's timer at 11_000
    awaitUntil(job, () -> !alerts.elements().isEmpty());
    assertThat(alerts.elements()).containsExactly("s1: silent since 1000, 1 reading(s)");

    QuietPartitionSource.release(testId);
    job.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(alerts.elements())
        .containsExactly(
            "s1: silent since 1000, 1 reading(s)", "s2: silent since 20000, 1 reading(s)");
  }

  private static CompletableFuture<JobResult> start(StreamEnvironment env, String name) {
    CompletableFuture<JobResult> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(env.execute(name));
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            "job " + name);
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /** Waits, bounded, until {@code condition} holds; fails if the job ends or time runs out. */
  private static void awaitUntil(CompletableFuture<JobResult> job, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(job).as("the job ended before the condition held").isNotDone();
      assertThat(System.nanoTime()).as("waiting for the condition").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  // ---- Windows ----

  public record Click(String user, long time) {}

  /** Counts elements: keeps one small accumulator per window instead of the elements. */
  public static final class CountClicks implements AggregateFunction<Click, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Click click, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Describes a window's count with its user and bounds. */
  public static final class DescribeWindow
      extends ProcessWindowFunction<Long, String, String, TimeWindow> {
    @Override
    public void process(String user, Context ctx, Iterable<Long> counts, Collector<String> out) {
      out.collect(
          user
              + " "
              + ctx.window().getStart()
              + ".."
              + ctx.window().getEnd()
              + ": "
              + counts.iterator().next());
    }
  }

  /**
   * Punctuated: after every event, the highest timestamp so far minus 1 ms. Watermarks then sit at
   * fixed places in the input, so which click is late does not depend on timing.
   */
  static final class WatermarkAfterEachEvent<T> implements WatermarkGenerator<T> {
    private long highest = Long.MIN_VALUE;

    @Override
    public void onEvent(T event, long timestamp, WatermarkOutput output) {
      highest = Math.max(highest, timestamp);
      output.emitWatermark(highest - 1);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  private static final long MINUTE = 60_000;

  @Test
  void windows_tumblingCountsWithLatenessAndLateDataSideOutput() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    List<Click> input =
        List.of(
            new Click("ann", 1 * MINUTE),
            new Click("bob", 2 * MINUTE),
            new Click("ann", 4 * MINUTE),
            new Click("ann", 5 * MINUTE + 30_000), // watermark 5:29.999 fires [0, 5 min)
            new Click("ann", 4 * MINUTE + 30_000), // late but within 1 min: fires [0, 5) again
            new Click("bob", 7 * MINUTE), // watermark 6:59.999 removes [0, 5 min)
            new Click("bob", 3 * MINUTE)); // too late: side output
    WatermarkStrategy<Click> punctuated = WatermarkAfterEachEvent::new;
    DataStream<Click> clicks =
        env.fromSource(
                new CollectionSource<>(input),
                punctuated.withTimestampAssigner((click, previous) -> click.time()),
                "clicks",
                Click.class)
            .setParallelism(1);
    CollectSink<String> results = new CollectSink<>();
    CollectSink<Click> tooLateClicks = new CollectSink<>();

    OutputTag<Click> tooLate = new OutputTag<>("too-late", Click.class);

    DataStream<String> clicksPerUser =
        clicks
            .keyBy(Click::user)
            .window(TumblingEventTimeWindows.of(Duration.ofMinutes(5)))
            .allowedLateness(Duration.ofMinutes(1))
            .sideOutputLateData(tooLate)
            .aggregate(new CountClicks(), new DescribeWindow());
    DataStream<Click> dropped = clicksPerUser.getSideOutput(tooLate);

    clicksPerUser.sinkTo(results);
    dropped.sinkTo(tooLateClicks);
    env.execute("windows");

    long end = 5 * MINUTE;
    assertThat(results.elements())
        .containsExactlyInAnyOrder(
            "ann 0.." + end + ": 2",
            "bob 0.." + end + ": 1",
            "ann 0.." + end + ": 3",
            "ann " + end + ".." + 2 * end + ": 1",
            "bob " + end + ".." + 2 * end + ": 1");
    assertThat(results.elements().stream().filter(r -> r.startsWith("ann 0..")))
        .containsExactly("ann 0.." + end + ": 2", "ann 0.." + end + ": 3");
    // a window's results carry its maxTimestamp(), end - 1
    assertThat(results.timestamps())
        .containsExactlyInAnyOrder(end - 1, end - 1, end - 1, 2 * end - 1, 2 * end - 1);
    assertThat(tooLateClicks.elements()).containsExactly(new Click("bob", 3 * MINUTE));
  }
}
