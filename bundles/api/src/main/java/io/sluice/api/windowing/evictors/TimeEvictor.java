package io.sluice.api.windowing.evictors;

import io.sluice.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements of the last {@code windowSize} of event time, measured back from the largest
 * timestamp in the window: elements with {@code timestamp <= max - windowSize} go. Windows whose
 * elements carry no timestamps are left alone.
 */
public final class TimeEvictor implements Evictor<Object, Window> {
  private final long windowSize;
  private final boolean doEvictAfter;

  private TimeEvictor(long windowSize, boolean doEvictAfter) {
    this.windowSize = windowSize;
    this.doEvictAfter = doEvictAfter;
  }

  public static TimeEvictor of(Duration windowSize) {
    return of(windowSize, false);
  }

  public static TimeEvictor of(Duration windowSize, boolean doEvictAfter) {
    if (windowSize.isNegative()) {
      throw new IllegalArgumentException("a time evictor needs a non-negative size: " + windowSize);
    }
    return new TimeEvictor(windowSize.toMillis(), doEvictAfter);
  }

  @Override
  public void evictBefore(
      Iterable<TimestampedValue<Object>> elements, int size, Window window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements);
    }
  }

  @Override
  public void evictAfter(
      Iterable<TimestampedValue<Object>> elements, int size, Window window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements) {
    long max = Long.MIN_VALUE;
    for (TimestampedValue<Object> element : elements) {
      if (!element.hasTimestamp()) {
        return;
      }
      max = Math.max(max, element.timestamp());
    }
    if (max == Long.MIN_VALUE) {
      return; // no elements
    }
    long cutoff = max - windowSize;
    for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
      if (it.next().timestamp() <= cutoff) {
        it.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "TimeEvictor(" + windowSize + " ms" + (doEvictAfter ? ", after" : "") + ")";
  }
}
