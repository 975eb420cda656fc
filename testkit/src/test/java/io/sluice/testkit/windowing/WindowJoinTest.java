package io.sluice.testkit.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.functions.Collector;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.functions.CoGroupFunction;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
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

class WindowJoinTest {
  private static final long WINDOW = 50;

  record Pair(String key, long left, long right) {}

  private static List<Ev> randomEvents(Random random, int count, int valueBase) {
    List<Ev> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(new Ev("k" + random.nextInt(6), valueBase + i, random.nextInt(400)));
    }
    return events;
  }

  private static DataStream<Ev> stream(StreamEnvironment env, List<Ev> events) {
    List<Step> steps = new ArrayList<>();
    for (Ev e : events) {
      steps.add(Scripted.ev(e.key(), e.value(), e.ts())); // no watermark until the end
    }
    return Scripted.stream(env, steps);
  }

  private static long windowOf(Ev e) {
    return Math.floorDiv(e.ts(), WINDOW);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void windowJoinEqualsANestedLoopOverEqualKeysInTheSameWindow(int parallelism) throws Exception {
    Random random = new Random(7);
    List<Ev> left = randomEvents(random, 150, 0);
    List<Ev> right = randomEvents(random, 120, 10_000);
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Pair> sink = new CollectSink<>();
    stream(env, left)
        .join(stream(env, right))
        .where(Ev::key)
        .equalTo(Ev::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
        .apply((l, r) -> new Pair(l.key(), l.value(), r.value()))
        .sinkTo(sink);
    env.execute("window-join");

    List<Pair> expected = new ArrayList<>();
    for (Ev l : left) {
      for (Ev r : right) {
        if (l.key().equals(r.key()) && windowOf(l) == windowOf(r)) {
          expected.add(new Pair(l.key(), l.value(), r.value()));
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(sink.elements()).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Emits "key window left-count right-count" for every group, also one-sided ones. */
  static final class CountSides implements CoGroupFunction<Ev, Ev, String> {
    @Override
    public void coGroup(Iterable<Ev> first, Iterable<Ev> second, Collector<String> out) {
      String key = null;
      long window = 0;
      int left = 0;
      int right = 0;
      for (Ev e : first) {
        key = e.key();
        window = windowOf(e);
        left++;
      }
      for (Ev e : second) {
        key = e.key();
        window = windowOf(e);
        right++;
      }
      out.collect(key + " " + window + " " + left + " " + right);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void coGroupSeesBothSidesOfEveryKeyAndWindowIncludingOneSidedOnes(int parallelism)
      throws Exception {
    Random random = new Random(11);
    List<Ev> left = randomEvents(random, 80, 0);
    List<Ev> right = randomEvents(random, 60, 10_000);
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<String> sink = new CollectSink<>();
    stream(env, left)
        .coGroup(stream(env, right))
        .where(Ev::key)
        .equalTo(Ev::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
        .apply(new CountSides())
        .sinkTo(sink);
    env.execute("window-cogroup");

    Map<String, int[]> counts = new HashMap<>();
    for (Ev e : left) {
      counts.computeIfAbsent(e.key() + " " + windowOf(e), k -> new int[2])[0]++;
    }
    for (Ev e : right) {
      counts.computeIfAbsent(e.key() + " " + windowOf(e), k -> new int[2])[1]++;
    }
    List<String> expected = new ArrayList<>();
    counts.forEach((group, n) -> expected.add(group + " " + n[0] + " " + n[1]));
    assertThat(sink.elements()).containsExactlyInAnyOrderElementsOf(expected);
  }
}
