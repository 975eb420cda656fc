package io.sluice.examples.hotitems;

import io.sluice.api.functions.Collector;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.windows.TimeWindow;

/** Labels an item's count with the end of its window. */
final class WindowViewCount extends ProcessWindowFunction<Long, ItemViewCount, Long, TimeWindow> {
  private static final long serialVersionUID = 1L;

  @Override
  public void process(
      Long itemId, Context context, Iterable<Long> counts, Collector<ItemViewCount> out) {
    for (Long count : counts) {
      out.collect(new ItemViewCount(itemId, context.window().end(), count));
    }
  }
}
