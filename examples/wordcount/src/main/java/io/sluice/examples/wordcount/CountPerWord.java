package io.sluice.examples.wordcount;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;

/**
 * Sums the counts of each word and emits only the final sum, once, when the input ends.
 *
 * <p>The sum lives in keyed {@link ValueState}; the first element of a word registers an event-time
 * timer at {@link Long#MAX_VALUE}, which fires only when a bounded input ends (its last watermark
 * is {@code Long.MAX_VALUE}). So downstream sees one element per word, never a running count.
 */
public final class CountPerWord extends KeyedProcessFunction<String, WordCount, WordCount> {
  private static final long serialVersionUID = 1L;

  private transient ValueState<Long> count;

  @Override
  public void open(RuntimeContext context) {
    count = context.getState(new ValueStateDescriptor<>("count", Long.class));
  }

  @Override
  public void processElement(WordCount value, Context<String> context, Collector<WordCount> out) {
    Long current = count.value();
    if (current == null) {
      context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      current = 0L;
    }
    count.update(current + value.count());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext<String> context, Collector<WordCount> out) {
    Long total = count.value();
    if (total != null) {
      out.collect(new WordCount(context.getCurrentKey(), total));
      count.update(null);
    }
  }
}
