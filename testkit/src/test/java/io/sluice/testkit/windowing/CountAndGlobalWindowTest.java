package io.sluice.testkit.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.functions.Collector;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeutils.Types;
import io.sluice.api.windowing.assigners.GlobalWindows;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountAndGlobalWindowTest {

  record Val(String key, long value) {}

  private static List<Val> interleaved() {
    List<Val> input = new ArrayList<>();
    for (long i = 1; i <= 7; i++) {
      input.add(new Val("a", i));
      if (i <= 2) {
        input.add(new Val("b", i * 10));
      }
    }
    return input;
  }

  private static List<Long> valuesOf(CollectSink<Val> sink, String key) {
    return sink.elements().stream().filter(v -> v.key().equals(key)).map(Val::value).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void countWindowFiresEveryNElementsOfAKeyAndNeverForALeftover(int parallelism) throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Val> sink = new CollectSink<>();
    env.fromCollection(interleaved(), Val.class)
        .keyBy(Val::key)
        .countWindow(3)
        .reduce((x, y) -> new Val(x.key(), x.value() + y.value()))
        .sinkTo(sink);
    env.execute("count-window");

    // a: (1+2+3), (4+5+6), 7 waits for two more; b: 10, 20 wait for a third
    assertThat(valuesOf(sink, "a")).containsExactly(6L, 15L);
    assertThat(valuesOf(sink, "b")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void slidingCountWindowSeesTheLastNElementsEverySlide(int parallelism) throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Val> sink = new CollectSink<>();
    env.fromCollection(interleaved(), Val.class)
        .keyBy(Val::key)
        .countWindow(3, 2)
        .reduce((x, y) -> new Val(x.key(), x.value() + y.value()))
        .sinkTo(sink);
    env.execute("sliding-count-window");

    // a fires after its 2nd, 4th and 6th element over the last three: (1+2), (2+3+4), (4+5+6)
    assertThat(valuesOf(sink, "a")).containsExactly(3L, 9L, 15L);
    assertThat(valuesOf(sink, "b")).containsExactly(30L);
  }

  /**
   * Fires every third element since the last firing (counted in per-window trigger state) and
   * fires-and-purges on a negative marker.
   */
  static final class EveryThirdOrMarker extends Trigger<Val, GlobalWindow> {
    private final ValueStateDescriptor<Long> countDescriptor =
        new ValueStateDescriptor<>("since-fire", Long.class);

    @Override
    public TriggerResult onElement(
        Val element, long timestamp, GlobalWindow window, TriggerContext context) {
      ValueState<Long> count = context.getState(countDescriptor);
      if (element.value() < 0) {
        count.clear();
        return TriggerResult.FIRE_AND_PURGE;
      }
      long n = count.value() == null ? 1 : count.value() + 1;
      if (n == 3) {
        count.clear();
        return TriggerResult.FIRE;
      }
      count.update(n);
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext context) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(GlobalWindow window, TriggerContext context) {
      context.getState(countDescriptor).clear();
    }
  }

  /** Lists the values a firing sees, e.g. "2,3". */
  static final class ListValues
      extends ProcessWindowFunction<Val, Tuple2<String, String>, String, GlobalWindow> {
    @Override
    public void process(
        String key,
        Context context,
        Iterable<Val> elements,
        Collector<Tuple2<String, String>> out) {
      StringJoiner values = new StringJoiner(",");
      for (Val v : elements) {
        values.add(Long.toString(v.value()));
      }
      out.collect(Tuple2.of(key, values.toString()));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void globalWindowWithCustomTriggerAndCountEvictor(int parallelism) throws Exception {
    List<Val> input = new ArrayList<>();
    for (long v : new long[] {1, 2, 3, 4, 5, 6, -1, 7}) {
      input.add(new Val("a", v));
    }
    input.add(2, new Val("b", 10));
    input.add(5, new Val("b", 20));
    input.add(new Val("b", 30));
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Tuple2<String, String>> sink = new CollectSink<>();
    env.fromCollection(input, Val.class)
        .keyBy(Val::key)
        .window(GlobalWindows.create())
        .trigger(new EveryThirdOrMarker())
        .evictor(CountEvictor.of(2))
        .process(new ListValues())
        .returns(Types.tuple(Types.STRING, Types.STRING))
        .sinkTo(sink);
    env.execute("global-trigger-evictor");

    // a: [1,2,3] -> keeps 2,3; then 4,5,6 -> [2..6] keeps 5,6; marker -> [5,6,-1] keeps 6,-1 and
    // purges; 7 never fires. b: [10,20,30] keeps 20,30.
    List<String> a = sink.elements().stream().filter(t -> t.f0.equals("a")).map(t -> t.f1).toList();
    List<String> b = sink.elements().stream().filter(t -> t.f0.equals("b")).map(t -> t.f1).toList();
    assertThat(a).containsExactly("2,3", "5,6", "6,-1");
    assertThat(b).containsExactly("20,30");
  }
}
