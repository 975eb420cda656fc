package io.sluice.api.operators;

import io.sluice.api.functions.FilterFunction;

/** Applies a {@link FilterFunction}. */
public final class StreamFilter<T> extends UdfOperator<FilterFunction<T>, T>
    implements OneInputStreamOperator<T, T> {

  public StreamFilter(FilterFunction<T> function) {
    super(function);
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    if (function.filter(value)) {
      output.collect(value, timestamp);
    }
  }
}
