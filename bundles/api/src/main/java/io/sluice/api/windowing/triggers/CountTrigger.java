package io.sluice.api.windowing.triggers;

import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.windowing.windows.Window;

/**
 * Fires a window every {@code count} elements (it does not purge: wrap it in {@link PurgingTrigger}
 * for windows of exactly {@code count} elements). The count is per key and window, in trigger
 * state.
 */
public final class CountTrigger extends Trigger<Object, Window> {
  private final long maxCount;
  private final ValueStateDescriptor<Long> countDescriptor =
      new ValueStateDescriptor<>("count", Long.class);

  private CountTrigger(long maxCount) {
    this.maxCount = maxCount;
  }

  public static CountTrigger of(long count) {
    if (count < 1) {
      throw new IllegalArgumentException("a count trigger needs a count of at least 1: " + count);
    }
    return new CountTrigger(count);
  }

  @Override
  public TriggerResult onElement(
      Object element, long timestamp, Window window, TriggerContext context) {
    ValueState<Long> count = context.getState(countDescriptor);
    long next = count.value() == null ? 1 : count.value() + 1;
    if (next >= maxCount) {
      count.clear();
      return TriggerResult.FIRE;
    }
    count.update(next);
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, Window window, TriggerContext context) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, Window window, TriggerContext context) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(Window window, OnMergeContext context) throws Exception {
    context.mergeValueState(countDescriptor, Long::sum);
  }

  @Override
  public void clear(Window window, TriggerContext context) {
    context.getState(countDescriptor).clear();
  }

  @Override
  public String toString() {
    return "CountTrigger(" + maxCount + ")";
  }
}
