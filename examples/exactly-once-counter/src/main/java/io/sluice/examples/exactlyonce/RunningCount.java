package io.sluice.examples.exactlyonce;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;

/**
 * Counts the events of each key in keyed state and emits {@code key<TAB>count} for every event; so
 * the n-th event of key k gives {@code k\tn}. Fails on purpose at the {@link FailurePoints}. The
 * per-attempt record count is a plain field: it starts from 0 after every restart. Confined to the
 * subtask's thread.
 */
final class RunningCount extends KeyedProcessFunction<Integer, CounterEvent, String> {
  private static final long serialVersionUID = 1L;

  private final FailurePoints failures;
  private transient ValueState<Long> count;
  private transient int subtask;
  private transient long processed;

  RunningCount(FailurePoints failures) {
    this.failures = failures;
  }

  @Override
  public void open(RuntimeContext context) {
    count = context.getState(new ValueStateDescriptor<>("count", Long.class));
    subtask = context.getIndexOfThisSubtask();
    processed = 0;
  }

  @Override
  public void processElement(CounterEvent event, Context<Integer> context, Collector<String> out)
      throws Exception {
    processed++;
    if (failures.shouldFail(subtask, processed)) {
      throw new FailurePoints.InjectedFailure(subtask, processed);
    }
    Long previous = count.value();
    long next = previous == null ? 1 : previous + 1;
    count.update(next);
    out.collect(event.key() + "\t" + next);
  }
}
