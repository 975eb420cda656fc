package io.sluice.api.windowing.assigners;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.api.windowing.triggers.ProcessingTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Processing-time windows of a fixed size that do not overlap, aligned to the epoch (shifted by an
 * optional offset): {@code of(Duration.ofMinutes(1))} puts a timestamp {@code t} into {@code [t - t
 * % 60000, t - t % 60000 + 60000)}.
 */
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private final long size;
  private final long offset;

  // The window handed out last, given again to the elements that follow in it (see there).
  private transient TumblingWindowAssignment last;

  private TumblingProcessingTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  public static TumblingProcessingTimeWindows of(Duration size) {
    return new TumblingProcessingTimeWindows(TimeWindowSizes.positive(size, "window size"), 0);
  }

  /** Windows shifted by {@code offset}, e.g. hourly windows starting at a quarter past. */
  public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
    long millis = TimeWindowSizes.positive(size, "window size");
    return new TumblingProcessingTimeWindows(millis, TimeWindowSizes.offset(offset, millis));
  }

  @Override
  public Collection<TimeWindow> assignWindows(
      Object element, long timestamp, WindowAssignerContext context) {
    long time = context.getCurrentProcessingTime();
    long start = TimeWindow.windowStart(time, offset, size);
    TumblingWindowAssignment assignment = TumblingWindowAssignment.at(last, start, size);
    last = assignment;
    return assignment.windows();
  }

  @Override
  public Trigger<Object, ? super TimeWindow> getDefaultTrigger() {
    return ProcessingTimeTrigger.create();
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TypeSerializers.forClass(TimeWindow.class);
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "TumblingProcessingTimeWindows(" + size + " ms, offset " + offset + " ms)";
  }
}
