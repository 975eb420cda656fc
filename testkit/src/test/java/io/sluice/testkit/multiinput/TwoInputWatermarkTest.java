package io.sluice.testkit.multiinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedCoProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The watermark of a two-input operator is the minimum of its inputs' watermarks: event-time timers
 * fire only once both inputs have passed them.
 */
class TwoInputWatermarkTest {

  record Event(String key, long time) {}

  /**
   * A timer that fired: its key and time, the watermark then, how many elements of each input at or
   * before its time had arrived, and how many of the second input had arrived in all.
   */
  record Fired(
      String key,
      long time,
      long watermark,
      int firstUpToTime,
      int secondUpToTime,
      int secondInAll) {}

  /** What a firing must show, whatever else had arrived by then. */
  record Seen(String key, long time, int first, int second) {}

  /**
   * Records the timestamps each input delivered for a key and sets a timer at each; when a timer
   * fires it reports how many elements of each input at or before its time had arrived.
   */
  static final class ReportArrivals extends KeyedCoProcessFunction<String, Event, Event, Fired> {
    private transient ListState<Long> first;
    private transient ListState<Long> second;

    @Override
    public void open(RuntimeContext context) {
      first = context.getListState(new ListStateDescriptor<>("first", Long.class));
      second = context.getListState(new ListStateDescriptor<>("second", Long.class));
    }

    @Override
    public void processElement1(Event event, Context<String> ctx, Collector<Fired> out) {
      first.add(event.time());
      ctx.timerService().registerEventTimeTimer(event.time());
    }

    @Override
    public void processElement2(Event event, Context<String> ctx, Collector<Fired> out) {
      second.add(event.time());
      ctx.timerService().registerEventTimeTimer(event.time());
    }

    @Override
    public void onTimer(long time, OnTimerContext<String> ctx, Collector<Fired> out) {
      out.collect(
          new Fired(
              ctx.getCurrentKey(),
              time,
              ctx.timerService().currentWatermark(),
              countUpTo(first.get(), time),
              countUpTo(second.get(), time),
              countUpTo(second.get(), Long.MAX_VALUE)));
    }

    private static int countUpTo(Iterable<Long> times, long limit) {
      int n = 0;
      for (long t : times) {
        if (t <= limit) {
          n++;
        }
      }
      return n;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void timersWaitForAnInputWithoutWatermarksUntilItEnds(int parallelism) throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    List<Event> advancing = new ArrayList<>();
    List<Event> lagging = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      advancing.add(new Event("k" + (i % 7), i));
    }
    for (int i = 0; i < 1_500; i++) {
      lagging.add(new Event("k" + (i % 5), 1000 + i));
    }
    // The first input's watermark soon reaches 298; the second's stays at its minimum until its
    // final watermark, which follows its last element. So a timer may fire only once the second
    // input has delivered everything.
    DataStream<Event> first =
        EventTimeSources.boundedOutOfOrder(
            env, "advancing", advancing, Event.class, (e, ts) -> e.time(), 0, 1);
    DataStream<Event> second =
        EventTimeSources.withoutWatermarks(
            env, "lagging", lagging, Event.class, (e, ts) -> e.time());
    CollectSink<Fired> sink = new CollectSink<>();
    first.connect(second).keyBy(Event::key, Event::key).process(new ReportArrivals()).sinkTo(sink);
    env.execute("lagging-watermark");

    Map<String, Integer> laggingPerKey = new HashMap<>();
    lagging.forEach(e -> laggingPerKey.merge(e.key(), 1, Integer::sum));
    List<Seen> expected = new ArrayList<>();
    for (Fired f : expected(advancing, lagging)) {
      expected.add(
          new Seen(f.key(), f.time(), f.firstUpToTime(), laggingPerKey.getOrDefault(f.key(), 0)));
    }
    assertThat(sink.elements()).allMatch(f -> f.watermark() >= f.time());
    List<Seen> actual = new ArrayList<>();
    for (Fired f : sink.elements()) {
      actual.add(new Seen(f.key(), f.time(), f.firstUpToTime(), f.secondInAll()));
    }
    assertThat(counts(actual)).isEqualTo(counts(expected));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void aTimerFiresOnlyAfterBothInputsDeliveredEverythingUpToItsTime(int parallelism)
      throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    List<Event> fast = new ArrayList<>();
    List<Event> slow = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      fast.add(new Event("k" + (i % 11), 3L * i));
    }
    for (int i = 0; i < 1500; i++) {
      slow.add(new Event("k" + (i % 13), 2L * i));
    }
    // Sorted by time, so each of the two source subtasks reads ascending timestamps.
    DataStream<Event> first =
        EventTimeSources.boundedOutOfOrder(
            env, "fast", fast, Event.class, (e, ts) -> e.time(), 0, 2);
    DataStream<Event> second =
        EventTimeSources.boundedOutOfOrder(
            env, "slow", slow, Event.class, (e, ts) -> e.time(), 0, 2);
    CollectSink<Fired> sink = new CollectSink<>();
    first.connect(second).keyBy(Event::key, Event::key).process(new ReportArrivals()).sinkTo(sink);
    env.execute("both-watermarks");

    List<Seen> expected = new ArrayList<>();
    for (Fired f : expected(fast, slow)) {
      expected.add(new Seen(f.key(), f.time(), f.firstUpToTime(), f.secondUpToTime()));
    }
    assertThat(sink.elements()).allMatch(f -> f.watermark() >= f.time());
    List<Seen> actual = new ArrayList<>();
    for (Fired f : sink.elements()) {
      actual.add(new Seen(f.key(), f.time(), f.firstUpToTime(), f.secondUpToTime()));
    }
    assertThat(counts(actual)).isEqualTo(counts(expected));
  }

  /** The multiset of {@code elements}: how often each occurs. */
  private static Map<Seen, Integer> counts(List<Seen> elements) {
    Map<Seen, Integer> counts = new HashMap<>();
    elements.forEach(e -> counts.merge(e, 1, Integer::sum));
    return counts;
  }

  /** One firing per key and distinct time, counting each input's elements up to that time. */
  private static List<Fired> expected(List<Event> first, List<Event> second) {
    TreeSet<String> keys = new TreeSet<>();
    first.forEach(e -> keys.add(e.key()));
    second.forEach(e -> keys.add(e.key()));
    List<Fired> expected = new ArrayList<>();
    for (String key : keys) {
      TreeSet<Long> times = new TreeSet<>();
      for (Event e : first) {
        if (e.key().equals(key)) {
          times.add(e.time());
        }
      }
      for (Event e : second) {
        if (e.key().equals(key)) {
          times.add(e.time());
        }
      }
      for (long time : times) {
        int n1 = 0;
        for (Event e : first) {
          if (e.key().equals(key) && e.time() <= time) {
            n1++;
          }
        }
        int n2 = 0;
        for (Event e : second) {
          if (e.key().equals(key) && e.time() <= time) {
            n2++;
          }
        }
        expected.add(new Fired(key, time, Long.MAX_VALUE, n1, n2, -1));
      }
    }
    return expected;
  }
}
