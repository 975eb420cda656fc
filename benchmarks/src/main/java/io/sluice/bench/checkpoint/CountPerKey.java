package io.sluice.bench.checkpoint;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;

/**
 * Counts records per key in a {@code ValueState<Long>} (the state being checkpointed) and emits
 * nothing; tells the job's {@link JobProbe} every record processed and when it opened.
 */
final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> {
  private static final long serialVersionUID = 1L;
  private final String jobName;
  private transient ValueState<Long> count;
  private transient JobProbe probe;

  CountPerKey(String jobName) {
    this.jobName = jobName;
  }

  @Override
  public void open(RuntimeContext context) {
    count = context.getState(new ValueStateDescriptor<>("count", Long.class));
    probe = JobProbe.of(jobName);
    probe.recordOpened();
  }

  @Override
  public void processElement(Long value, Context<Long> context, Collector<Long> out)
      throws Exception {
    Long before = count.value();
    count.update(before == null ? 1L : before + 1);
    probe.recordProcessed();
  }
}
