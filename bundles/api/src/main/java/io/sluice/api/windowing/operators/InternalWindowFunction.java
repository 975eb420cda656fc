package io.sluice.api.windowing.operators;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.windows.Window;

/**
 * Turns the values of a firing window into results: emits them as they are (plain reduce and
 * aggregate) or hands them to the user's {@link ProcessWindowFunction}. Copied into every subtask
 * with the user function it wraps.
 *
 * @param <V> the values of the window ({@link WindowContents#results})
 * @param <OUT> the results
 * @param <K> the key
 * @param <W> the window
 */
public interface InternalWindowFunction<V, OUT, K, W extends Window> extends Function {

  void process(K key, WindowContext<W> context, Iterable<V> values, Collector<OUT> out)
      throws Exception;

  /** The window is being removed. */
  default void clear(K key, WindowContext<W> context) throws Exception {}

  default void open(RuntimeContext context) throws Exception {}

  default void close() throws Exception {}

  /** Emits every value as a result. */
  static <T, K, W extends Window> InternalWindowFunction<T, T, K, W> passThrough() {
    return new PassThroughWindowFunction<>();
  }

  /** Runs {@code function} over the values. */
  static <V, OUT, K, W extends Window> InternalWindowFunction<V, OUT, K, W> process(
      ProcessWindowFunction<V, OUT, K, W> function) {
    return new ProcessWindowFunctionRunner<>(function);
  }
}
