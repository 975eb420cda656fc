package io.sluice.api.operators;

import io.sluice.api.functions.CoProcessFunction;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.TimerService;

/**
 * Runs a {@link CoProcessFunction} on two connected streams. Keyed state works when the connected
 * streams are keyed; timers do not (they need {@code KeyedCoProcessFunction}'s onTimer).
 */
public final class CoProcessOperator<IN1, IN2, OUT>
    extends UdfOperator<CoProcessFunction<IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, CoProcessFunction.Context {
  private TimestampedCollector<OUT> collector;
  private TimerService timerService;
  private long timestamp;

  public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timerService =
        new UnkeyedTimers(
            context,
            "Timers need keyed connected streams: use connect(...).keyBy(key1, key2)"
                + ".process(KeyedCoProcessFunction)");
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    at(timestamp);
    function.processElement1(value, this, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    at(timestamp);
    function.processElement2(value, this, collector);
  }

  private void at(long timestamp) {
    this.timestamp = timestamp;
    collector.setTimestamp(timestamp);
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
  public <X> void output(OutputTag<X> tag, X value) {
    collector.collect(tag, value);
  }
}
