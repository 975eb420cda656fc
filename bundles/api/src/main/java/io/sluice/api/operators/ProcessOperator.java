package io.sluice.api.operators;

import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.TimerService;

/** Runs a {@link ProcessFunction} on a non-keyed stream (no timers: those need a key). */
public final class ProcessOperator<IN, OUT> extends UdfOperator<ProcessFunction<IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT>, ProcessFunction.Context {
  private TimestampedCollector<OUT> collector;
  private TimerService timerService;
  private long timestamp;

  public ProcessOperator(ProcessFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timerService =
        new UnkeyedTimers(
            context, "Timers need a keyed stream: use keyBy(...).process(KeyedProcessFunction)");
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    this.timestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement(value, this, collector);
  }

  @Override
  public Long timestamp() {
    return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
  }

  @Override
  public TimerService timerService() {
    return timerService;
  }

  @Override
  public <X> void output(io.sluice.api.functions.OutputTag<X> tag, X value) {
    collector.collect(tag, value);
  }
}
