package io.sluice.api.windowing.assigners;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.api.windowing.triggers.EventTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Event-time windows of a fixed size that do not overlap, aligned to the epoch (shifted by an
 * optional offset): {@code of(Duration.ofMinutes(1))} puts a timestamp {@code t} into {@code [t - t
 * % 60000, t - t % 60000 + 60000)}.
 */
public final class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private final long size;
  private final long offset;

  // The window handed out last, given again to the elements that follow in it (see there).
  private transient TumblingWindowAssignment last;

  private TumblingEventTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  public static TumblingEventTimeWindows of(Duration size) {
    return new TumblingEventTimeWindows(TimeWindowSizes.positive(size, "window size"), 0);
  }

  /** Windows shifted by {@code offset}, e.g. hourly windows starting at a quarter past. */
  public static TumblingEventTimeWindows of(Duration size, Duration offset) {
    long millis = TimeWindowSizes.positive(size, "window size");
    return new TumblingEventTimeWindows(millis, TimeWindowSizes.offset(offset, millis));
  }

  @Override
  public Collection<TimeWindow> assignWindows(
      Object element, long timestamp, WindowAssignerContext context) {
    long time = requireTimestamp(timestamp, this);
    long start = TimeWindow.windowStart(time, offset, size);
    TumblingWindowAssignment assignment = TumblingWindowAssignment.at(last, start, size);
    last = assignment;
    return assignment.windows();
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
    return "TumblingEventTimeWindows(" + size + " ms, offset " + offset + " ms)";
  }
}
