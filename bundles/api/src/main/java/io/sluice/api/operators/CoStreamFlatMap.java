package io.sluice.api.operators;

import io.sluice.api.functions.CoFlatMapFunction;

/** Runs a {@link CoFlatMapFunction}; what it emits carries the timestamp of the input element. */
public final class CoStreamFlatMap<IN1, IN2, OUT>
    extends UdfOperator<CoFlatMapFunction<IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private TimestampedCollector<OUT> collector;

  public CoStreamFlatMap(CoFlatMapFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.flatMap1(value, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.flatMap2(value, collector);
  }
}
