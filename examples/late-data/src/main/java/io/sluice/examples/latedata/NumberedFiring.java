package io.sluice.examples.latedata;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.windows.TimeWindow;

/**
 * Writes one line per firing of a window: {@code
 * sensor<TAB>windowStart<TAB>windowEnd<TAB>maxTemperature<TAB>readings<TAB>firing}. The firing
 * number, kept in per-window state, is 1 for the on-time result and grows with every late firing,
 * so a reader can tell updates from first results.
 */
final class NumberedFiring extends ProcessWindowFunction<long[], String, String, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private transient ValueStateDescriptor<Integer> firings;

  @Override
  public void open(RuntimeContext context) {
    firings = new ValueStateDescriptor<>("firings", Integer.class);
  }

  @Override
  public void process(
      String sensor, Context context, Iterable<long[]> results, Collector<String> out) {
    ValueState<Integer> count = context.windowState().getState(firings);
    int firing = count.value() == null ? 1 : count.value() + 1;
    count.update(firing);
    for (long[] result : results) {
      TimeWindow window = context.window();
      out.collect(
          sensor
              + "\t"
              + window.start()
              + "\t"
              + window.end()
              + "\t"
              + result[0]
              + "\t"
              + result[1]
              + "\t"
              + firing);
    }
  }

  @Override
  public void clear(Context context) {
    context.windowState().getState(firings).clear();
  }
}
