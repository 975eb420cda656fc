package io.sluice.api.windowing.operators;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.functions.RuntimeContext;
import java.util.List;

/** Window contents of {@code aggregate}: one accumulator per window. */
final class AggregatingContents<IN, ACC, OUT> implements WindowContents<IN, ACC, OUT> {
  private static final long serialVersionUID = 1L;
  private final AggregateFunction<IN, ACC, OUT> function;

  AggregatingContents(AggregateFunction<IN, ACC, OUT> function) {
    this.function = function;
  }

  @Override
  public ACC add(ACC accumulator, IN value, long timestamp) {
    return function.add(value, accumulator == null ? function.createAccumulator() : accumulator);
  }

  @Override
  public ACC merge(ACC a, ACC b) {
    return function.merge(a, b);
  }

  @Override
  public Iterable<OUT> results(ACC accumulator) {
    return List.of(function.getResult(accumulator));
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.open(context);
    }
  }

  @Override
  public void close() throws Exception {
    if (function instanceof RichFunction rich) {
      rich.close();
    }
  }
}
