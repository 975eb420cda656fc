package io.sluice.api.windowing.operators;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.functions.RuntimeContext;
import java.util.List;

/** Window contents of {@code reduce}: one value per window. */
final class ReducingContents<T> implements WindowContents<T, T, T> {
  private static final long serialVersionUID = 1L;
  private final ReduceFunction<T> reducer;

  ReducingContents(ReduceFunction<T> reducer) {
    this.reducer = reducer;
  }

  @Override
  public T add(T accumulator, T value, long timestamp) throws Exception {
    return accumulator == null ? value : reducer.reduce(accumulator, value);
  }

  @Override
  public T merge(T a, T b) throws Exception {
    return reducer.reduce(a, b);
  }

  @Override
  public Iterable<T> results(T accumulator) {
    return List.of(accumulator);
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    if (reducer instanceof RichFunction rich) {
      rich.open(context);
    }
  }

  @Override
  public void close() throws Exception {
    if (reducer instanceof RichFunction rich) {
      rich.close();
    }
  }
}
