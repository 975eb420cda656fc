package io.sluice.examples.hotitems;

import io.sluice.api.functions.Collector;
import io.sluice.api.windowing.functions.ProcessAllWindowFunction;
import io.sluice.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the item counts of one sliding-window end: the most viewed first, ties by the smaller item
 * id. Emits {@code windowEnd<TAB>rank<TAB>itemId<TAB>count} lines for the first {@code topN}.
 *
 * <p>The counts of the sliding window {@code [end - 60 min, end)} carry the timestamp {@code end -
 * 1}, so they all fall into the tumbling window {@code [end - 5 min, end)} this function runs over.
 */
final class TopItems extends ProcessAllWindowFunction<ItemViewCount, String, TimeWindow> {
  private static final long serialVersionUID = 1L;
  static final Comparator<ItemViewCount> RANKING =
      Comparator.comparingLong(ItemViewCount::count)
          .reversed()
          .thenComparingLong(ItemViewCount::itemId);

  private final int topN;

  TopItems(int topN) {
    this.topN = topN;
  }

  @Override
  public void process(Context context, Iterable<ItemViewCount> counts, Collector<String> out) {
    List<ItemViewCount> ranked = new ArrayList<>();
    counts.forEach(ranked::add);
    ranked.sort(RANKING);
    for (int i = 0; i < Math.min(topN, ranked.size()); i++) {
      ItemViewCount item = ranked.get(i);
      out.collect(format(item.windowEnd(), i + 1, item.itemId(), item.count()));
    }
  }

  static String format(long windowEnd, int rank, long itemId, long count) {
    return windowEnd + "\t" + rank + "\t" + itemId + "\t" + count;
  }
}
