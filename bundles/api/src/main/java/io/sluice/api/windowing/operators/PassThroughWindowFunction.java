package io.sluice.api.windowing.operators;

import io.sluice.api.functions.Collector;
import io.sluice.api.windowing.windows.Window;

/** The window function of a plain reduce or aggregate: the window's value is the result. */
final class PassThroughWindowFunction<T, K, W extends Window>
    implements InternalWindowFunction<T, T, K, W> {
  private static final long serialVersionUID = 1L;

  @Override
  public void process(K key, WindowContext<W> context, Iterable<T> values, Collector<T> out) {
    for (T value : values) {
      out.collect(value);
    }
  }
}
