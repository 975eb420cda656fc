package io.sluice.api.operators;

import io.sluice.api.functions.FlatMapFunction;

/** Applies a {@link FlatMapFunction}; every output keeps the input's timestamp. */
public final class StreamFlatMap<IN, OUT> extends UdfOperator<FlatMapFunction<IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT> {
  private TimestampedCollector<OUT> collector;

  public StreamFlatMap(FlatMapFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.flatMap(value, collector);
  }
}
