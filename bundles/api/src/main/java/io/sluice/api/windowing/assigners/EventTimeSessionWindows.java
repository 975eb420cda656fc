package io.sluice.api.windowing.assigners;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.api.windowing.triggers.EventTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Event-time sessions: each element opens the window {@code [t, t + gap)}, and windows of a key
 * that overlap or touch merge, so a session ends after {@code gap} without elements. An element
 * that arrives late can bridge two sessions into one.
 */
public final class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
  private final long gap;

  private EventTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  public static EventTimeSessionWindows withGap(Duration gap) {
    return new EventTimeSessionWindows(TimeWindowSizes.positive(gap, "session gap"));
  }

  @Override
  public Collection<TimeWindow> assignWindows(
      Object element, long timestamp, WindowAssignerContext context) {
    long time = requireTimestamp(timestamp, this);
    return List.of(new TimeWindow(time, time + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback::merge);
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
    return "EventTimeSessionWindows(gap " + gap + " ms)";
  }
}
