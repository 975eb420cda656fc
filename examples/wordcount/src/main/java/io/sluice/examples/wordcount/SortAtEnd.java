package io.sluice.examples.wordcount;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers every final word count and, when the input ends, emits them as sorted output lines
 * ({@link WordCount#BY_COUNT_DESCENDING_THEN_WORD}), so the output does not depend on the
 * parallelism of the stages before it.
 *
 * <p>Runs on a stream keyed by the constant {@link #SINGLE_KEY} at parallelism 1: every count lands
 * in one {@link ListState}, and one event-time timer at {@link Long#MAX_VALUE} fires after the
 * upstream timers have emitted the last count.
 */
public final class SortAtEnd extends KeyedProcessFunction<Integer, WordCount, String> {
  private static final long serialVersionUID = 1L;

  /** The one key all counts are gathered under. */
  public static final Integer SINGLE_KEY = 0;

  private transient ListState<WordCount> counts;

  @Override
  public void open(RuntimeContext context) {
    counts = context.getListState(new ListStateDescriptor<>("counts", WordCount.class));
  }

  @Override
  public void processElement(WordCount value, Context<Integer> context, Collector<String> out) {
    counts.add(value);
    context.timerService().registerEventTimeTimer(Long.MAX_VALUE); // idempotent per key and time
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext<Integer> context, Collector<String> out) {
    for (String line : sortedLines(counts.get())) {
      out.collect(line);
    }
    counts.update(List.of());
  }

  /** The output lines of {@code counts}, most frequent first. */
  public static List<String> sortedLines(Iterable<WordCount> counts) {
    List<WordCount> sorted = new ArrayList<>();
    counts.forEach(sorted::add);
    sorted.sort(WordCount.BY_COUNT_DESCENDING_THEN_WORD);
    List<String> lines = new ArrayList<>(sorted.size());
    for (WordCount count : sorted) {
      lines.add(count.toLine());
    }
    return lines;
  }
}
