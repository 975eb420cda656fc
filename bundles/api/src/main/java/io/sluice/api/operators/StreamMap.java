package io.sluice.api.operators;

import io.sluice.api.functions.MapFunction;

/** Applies a {@link MapFunction}; the output keeps the input's timestamp. */
public final class StreamMap<IN, OUT> extends UdfOperator<MapFunction<IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT> {

  public StreamMap(MapFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    output.collect(function.map(value), timestamp);
  }
}
