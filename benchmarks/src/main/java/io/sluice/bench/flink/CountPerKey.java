package io.sluice.bench.flink;

import io.sluice.bench.checkpoint.JobProbe;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** The Flink twin of the Sluice benchmark's count per key in {@code ValueState<Long>}. */
final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> {
  private static final long serialVersionUID = 1L;
  private final String jobName;
  private transient ValueState<Long> count;
  private transient JobProbe probe;

  CountPerKey(String jobName) {
    this.jobName = jobName;
  }

  @Override
  public void open(OpenContext context) {
    count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    probe = JobProbe.of(jobName);
    probe.recordOpened();
  }

  @Override
  public void processElement(Long value, Context context, Collector<Long> out) throws Exception {
    Long before = count.value();
    count.update(before == null ? 1L : before + 1);
    probe.recordProcessed();
  }
}
