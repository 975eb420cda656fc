package io.sluice.testkit.multiinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.datastream.IntervalJoined;
import io.sluice.api.datastream.KeyedStream;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.ProcessJoinFunction;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntervalJoinTest {
  record Click(String user, long time, int id) {}

  record View(String user, long time, int id) {}

  /** One joined pair with the timestamps the join function was given. */
  record Pair(int click, int view, long clickTime, long viewTime, long time) {}

  static final class ToPair extends ProcessJoinFunction<Click, View, Pair> {
    @Override
    public void processElement(Click click, View view, Context ctx, Collector<Pair> out) {
      out.collect(
          new Pair(
              click.id(),
              view.id(),
              ctx.getLeftTimestamp(),
              ctx.getRightTimestamp(),
              ctx.getTimestamp()));
    }
  }

  static Stream<Arguments> boundsAndParallelism() {
    List<Arguments> cases = new ArrayList<>();
    for (int parallelism : new int[] {1, 4}) {
      cases.add(Arguments.of(parallelism, -20L, 30L, false, false));
      cases.add(Arguments.of(parallelism, -20L, 30L, true, true));
      cases.add(Arguments.of(parallelism, 0L, 0L, false, false));
      cases.add(Arguments.of(parallelism, 5L, 40L, true, false));
      cases.add(Arguments.of(parallelism, -15L, -5L, false, true));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "p={0} [{1}, {2}] lowerExclusive={3} upperExclusive={4}")
  @MethodSource("boundsAndParallelism")
  void outOfOrderStreamsJoinExactlyAsANestedLoopDoes(
      int parallelism, long lower, long upper, boolean lowerExclusive, boolean upperExclusive)
      throws Exception {
    Random random = new Random(42 + parallelism + lower * 31 + upper);
    List<Click> clicks = new ArrayList<>();
    List<View> views = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      // Roughly ascending with jitter: out of order, never later than the watermark bound.
      clicks.add(new Click("u" + random.nextInt(3), i + random.nextInt(20), i));
      views.add(new View("u" + random.nextInt(3), i + random.nextInt(20), i));
    }
    // The watermark bound is exactly the largest disorder in the data, so elements arrive right
    // after the watermark and a buffer cleared too early would lose pairs.
    long outOfOrderness =
        Math.max(
            disorder(clicks.stream().map(Click::time).toList()),
            disorder(views.stream().map(View::time).toList()));
    int sourceParallelism = Math.min(parallelism, 2);
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    KeyedStream<Click, String> left =
        EventTimeSources.boundedOutOfOrder(
                env,
                "clicks",
                clicks,
                Click.class,
                (c, ts) -> c.time(),
                outOfOrderness,
                sourceParallelism)
            .keyBy(Click::user);
    KeyedStream<View, String> right =
        EventTimeSources.boundedOutOfOrder(
                env,
                "views",
                views,
                View.class,
                (v, ts) -> v.time(),
                outOfOrderness,
                sourceParallelism)
            .keyBy(View::user);
    IntervalJoined<Click, View, String> joined =
        left.intervalJoin(right).between(Duration.ofMillis(lower), Duration.ofMillis(upper));
    if (lowerExclusive) {
      joined.lowerBoundExclusive();
    }
    if (upperExclusive) {
      joined.upperBoundExclusive();
    }
    CollectSink<Pair> sink = new CollectSink<>();
    joined.process(new ToPair()).sinkTo(sink);
    env.execute("interval-join");

    List<Pair> expected = new ArrayList<>();
    for (Click c : clicks) {
      for (View v : views) {
        boolean aboveLower =
            lowerExclusive ? v.time() > c.time() + lower : v.time() >= c.time() + lower;
        boolean belowUpper =
            upperExclusive ? v.time() < c.time() + upper : v.time() <= c.time() + upper;
        if (c.user().equals(v.user()) && aboveLower && belowUpper) {
          expected.add(new Pair(c.id(), v.id(), c.time(), v.time(), Math.max(c.time(), v.time())));
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(multiset(sink.elements())).isEqualTo(multiset(expected));
    List<Long> expectedTimestamps = sink.elements().stream().map(Pair::time).toList();
    assertThat(sink.timestamps()).isEqualTo(expectedTimestamps);
  }

  @Test
  void boundsThatExcludeEveryTimestampAreRejected() {
    StreamEnvironment env = LocalEnvironment.create(1);
    DataStream<Click> clicks = env.fromElements(new Click("u", 1, 1));
    DataStream<View> views = env.fromElements(new View("u", 1, 1));
    IntervalJoined<Click, View, String> joined =
        clicks
            .keyBy(Click::user)
            .intervalJoin(views.keyBy(View::user))
            .between(Duration.ofMillis(3), Duration.ofMillis(4))
            .lowerBoundExclusive()
            .upperBoundExclusive();
    assertThatThrownBy(() -> joined.process(new ToPair()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no timestamp lies between");
    assertThatThrownBy(
            () ->
                clicks
                    .keyBy(Click::user)
                    .intervalJoin(views.keyBy(View::user))
                    .between(Duration.ofMillis(5), Duration.ofMillis(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above the upper bound");
  }

  /** How far, at most, a timestamp trails the highest one before it. */
  private static long disorder(List<Long> times) {
    long max = Long.MIN_VALUE;
    long disorder = 0;
    for (long t : times) {
      if (max != Long.MIN_VALUE) {
        disorder = Math.max(disorder, max - t);
      }
      max = Math.max(max, t);
    }
    return disorder;
  }

  private static <T> Map<T, Integer> multiset(List<T> elements) {
    Map<T, Integer> counts = new HashMap<>();
    elements.forEach(e -> counts.merge(e, 1, Integer::sum));
    return counts;
  }
}
