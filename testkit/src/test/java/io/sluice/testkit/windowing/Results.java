package io.sluice.testkit.windowing;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.windowing.Scripted.Ev;
import java.util.ArrayList;
import java.util.List;

/** Window results the tests compare, and the functions that produce them. */
final class Results {
  private Results() {}

  /** The sum of the values of one key in one window. */
  record Res(String key, long start, long end, long sum) {}

  /** A result with the timestamp it was emitted with. */
  record Stamped<T>(T value, Long timestamp) {}

  static <T> List<Stamped<T>> stamped(CollectSink<T> sink) {
    List<T> elements = sink.elements();
    List<Long> timestamps = sink.timestamps();
    List<Stamped<T>> result = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      result.add(new Stamped<>(elements.get(i), timestamps.get(i)));
    }
    return result;
  }

  /** Sums all elements of a window (kept as a list until it fires). */
  static final class SumPerWindow extends ProcessWindowFunction<Ev, Res, String, TimeWindow> {
    @Override
    public void process(String key, Context context, Iterable<Ev> elements, Collector<Res> out) {
      long sum = 0;
      for (Ev e : elements) {
        sum += e.value();
      }
      out.collect(new Res(key, context.window().start(), context.window().end(), sum));
    }
  }

  /** Sums incrementally: the accumulator is the running sum. */
  static final class SumAggregate implements AggregateFunction<Ev, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Ev value, Long accumulator) {
      return accumulator + value.value();
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Labels a pre-aggregated sum with its key and window. */
  static final class LabelSum extends ProcessWindowFunction<Long, Res, String, TimeWindow> {
    @Override
    public void process(String key, Context context, Iterable<Long> sums, Collector<Res> out) {
      for (Long sum : sums) {
        out.collect(new Res(key, context.window().start(), context.window().end(), sum));
      }
    }
  }
}
