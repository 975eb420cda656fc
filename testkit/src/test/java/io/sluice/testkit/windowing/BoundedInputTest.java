package io.sluice.testkit.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.windowing.Results.Res;
import io.sluice.testkit.windowing.Results.SumPerWindow;
import io.sluice.testkit.windowing.Scripted.Ev;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedInputTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void everyWindowFiresWhenABoundedInputEnds(int parallelism) throws Exception {
    Random random = new Random(3);
    List<Ev> input = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      input.add(new Ev("k" + random.nextInt(7), random.nextInt(100), i * 3L - random.nextInt(50)));
    }
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    WatermarkStrategy<Ev> strategy =
        WatermarkStrategy.<Ev>forBoundedOutOfOrderness(Duration.ofMillis(50))
            .withTimestampAssigner((e, ts) -> e.ts());
    env.fromSource(new CollectionSource<>(input), strategy, "events", Ev.class)
        .keyBy(Ev::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .process(new SumPerWindow())
        .sinkTo(sink);
    env.execute("bounded-end");

    Map<List<Object>, Long> expected = new HashMap<>();
    for (Ev e : input) {
      long start = Math.floorDiv(e.ts(), 100) * 100;
      expected.merge(List.of(e.key(), start), e.value(), Long::sum);
    }
    Map<List<Object>, Long> actual = new HashMap<>();
    for (Res r : sink.elements()) {
      assertThat(actual.put(List.of(r.key(), r.start()), r.sum())).isNull();
    }
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void openSessionsCloseWhenABoundedInputEnds(int parallelism) throws Exception {
    List<Ev> input = List.of(new Ev("a", 1, 100), new Ev("a", 2, 105), new Ev("b", 3, 5));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Res> sink = new CollectSink<>();
    WatermarkStrategy<Ev> strategy =
        WatermarkStrategy.<Ev>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.ts());
    env.fromSource(new CollectionSource<>(input), strategy, "events", Ev.class)
        .keyBy(Ev::key)
        .window(EventTimeSessionWindows.withGap(Duration.ofDays(1)))
        .process(new SumPerWindow())
        .sinkTo(sink);
    env.execute("bounded-sessions");

    long day = Duration.ofDays(1).toMillis();
    assertThat(sink.elements())
        .containsExactlyInAnyOrder(new Res("a", 100, 105 + day, 3), new Res("b", 5, 5 + day, 3));
  }
}
