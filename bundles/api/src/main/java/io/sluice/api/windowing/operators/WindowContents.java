package io.sluice.api.windowing.operators;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.windowing.evictors.TimestampedValue;
import java.util.List;

/**
 * What a window keeps of its elements, as an accumulator in keyed state: the reduced value, an
 * aggregate's accumulator, or the list of elements. Accumulators of merging windows are merged with
 * {@link #merge}. Implementations wrap the user's functions and are copied into every subtask with
 * them, so they hold nothing that is not serializable.
 *
 * @param <IN> the elements added
 * @param <ACC> the accumulator kept per window
 * @param <V> the values handed to the window function when the window fires
 */
public interface WindowContents<IN, ACC, V> extends Function {

  /**
   * Adds {@code value} and returns the accumulator to store.
   *
   * @param accumulator the window's accumulator, or null if the window holds nothing yet
   */
  ACC add(ACC accumulator, IN value, long timestamp) throws Exception;

  /** Combines the accumulators of two windows that merge; may change and return either. */
  ACC merge(ACC a, ACC b) throws Exception;

  /** The values the window function sees for {@code accumulator}. */
  Iterable<V> results(ACC accumulator) throws Exception;

  /** Opens the user functions inside. */
  default void open(RuntimeContext context) throws Exception {}

  default void close() throws Exception {}

  /** Keeps one value per window, combined with {@code reducer} as elements arrive. */
  static <T> WindowContents<T, T, T> reducing(ReduceFunction<T> reducer) {
    return new ReducingContents<>(reducer);
  }

  /** Keeps an accumulator per window; the window function sees the aggregate's result. */
  static <IN, ACC, OUT> WindowContents<IN, ACC, OUT> aggregating(
      AggregateFunction<IN, ACC, OUT> function) {
    return new AggregatingContents<>(function);
  }

  /** Keeps every element, in arrival order. */
  static <T> WindowContents<T, List<T>, T> buffering() {
    return new BufferingContents<>();
  }

  /**
   * Keeps every element with its timestamp, for an evictor; when the window fires, the elements
   * left after eviction are folded with {@code fold} (reduce, aggregate or plain buffering).
   */
  static <IN, F, V> WindowContents<IN, List<TimestampedValue<IN>>, V> evicting(
      WindowContents<IN, F, V> fold) {
    return new EvictingContents<>(fold);
  }
}
