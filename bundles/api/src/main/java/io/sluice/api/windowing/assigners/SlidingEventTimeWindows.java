package io.sluice.api.windowing.assigners;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.api.windowing.triggers.EventTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Event-time windows of a fixed size that start every {@code slide}, aligned to the epoch (shifted
 * by an optional offset); an element belongs to {@code size / slide} windows (rounded up) when the
 * slide divides the size. {@code of(Duration.ofHours(1), Duration.ofMinutes(5))} gives hour-long
 * windows ending at every multiple of five minutes.
 */
public final class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private final long size;
  private final long slide;
  private final long offset;

  private SlidingEventTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  public static SlidingEventTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
    long sizeMillis = TimeWindowSizes.positive(size, "window size");
    long slideMillis = TimeWindowSizes.positive(slide, "window slide");
    return new SlidingEventTimeWindows(
        sizeMillis, slideMillis, TimeWindowSizes.offset(offset, slideMillis));
  }

  @Override
  public Collection<TimeWindow> assignWindows(
      Object element, long timestamp, WindowAssignerContext context) {
    long time = requireTimestamp(timestamp, this);
    List<TimeWindow> windows = new ArrayList<>();
    for (long start = TimeWindow.windowStart(time, offset, slide);
        start > time - size;
        start -= slide) {
      windows.add(new TimeWindow(start, start + size));
    }
    return windows;
  }

  @Override
  public Trigger<Object, ? super TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TypeSerializers.forClass(TimeWindow.class);
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return "SlidingEventTimeWindows("
        + size
        + " ms every "
        + slide
        + " ms, offset "
        + offset
        + " ms)";
  }
}
