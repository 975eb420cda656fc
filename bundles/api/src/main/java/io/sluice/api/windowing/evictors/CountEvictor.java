package io.sluice.api.windowing.evictors;

import io.sluice.api.windowing.windows.Window;
import java.util.Iterator;

/**
 * Keeps the last {@code maxCount} elements of a window (in arrival order), before the window
 * function runs or, with {@code doEvictAfter}, after it.
 */
public final class CountEvictor implements Evictor<Object, Window> {
  private final long maxCount;
  private final boolean doEvictAfter;

  private CountEvictor(long maxCount, boolean doEvictAfter) {
    if (maxCount < 1) {
      throw new IllegalArgumentException("a count evictor keeps at least 1 element: " + maxCount);
    }
    this.maxCount = maxCount;
    this.doEvictAfter = doEvictAfter;
  }

  public static CountEvictor of(long maxCount) {
    return new CountEvictor(maxCount, false);
  }

  public static CountEvictor of(long maxCount, boolean doEvictAfter) {
    return new CountEvictor(maxCount, doEvictAfter);
  }

  @Override
  public void evictBefore(
      Iterable<TimestampedValue<Object>> elements, int size, Window window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements, size);
    }
  }

  @Override
  public void evictAfter(
      Iterable<TimestampedValue<Object>> elements, int size, Window window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements, size);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
    long toEvict = size - maxCount;
    Iterator<TimestampedValue<Object>> it = elements.iterator();
    for (long i = 0; i < toEvict && it.hasNext(); i++) {
      it.next();
      it.remove();
    }
  }

  @Override
  public String toString() {
    return "CountEvictor(" + maxCount + (doEvictAfter ? ", after" : "") + ")";
  }
}
