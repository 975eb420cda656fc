package io.sluice.api.windowing.evictors;

import io.sluice.api.windowing.windows.Window;

/**
 * Removes elements from a window when it fires, before and/or after the window function runs,
 * through the iterator of {@code elements} ({@code Iterator.remove}). What remains stays in the
 * window for its next firing. Like triggers, one instance serves every key, window and subtask, so
 * an evictor keeps no mutable state.
 *
 * <p>Evicting needs every element, so a windowed stream with an evictor keeps all elements even for
 * {@code reduce} and {@code aggregate}, and computes them when the window fires.
 */
public interface Evictor<T, W extends Window> {

  /** Runs before the window function; {@code size} is the number of elements. */
  void evictBefore(
      Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

  /** Runs after the window function. */
  void evictAfter(
      Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

  /** Time as the evictor may see it. */
  interface EvictorContext {
    long getCurrentProcessingTime();

    long getCurrentWatermark();
  }
}
