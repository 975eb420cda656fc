package io.sluice.api.operators;

import io.sluice.api.functions.CoMapFunction;

/** Runs a {@link CoMapFunction}: one output element per element of either input. */
public final class CoStreamMap<IN1, IN2, OUT> extends UdfOperator<CoMapFunction<IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {

  public CoStreamMap(CoMapFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    output.collect(function.map1(value), timestamp);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    output.collect(function.map2(value), timestamp);
  }
}
