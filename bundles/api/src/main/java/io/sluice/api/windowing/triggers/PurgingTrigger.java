package io.sluice.api.windowing.triggers;

import io.sluice.api.windowing.windows.Window;

/**
 * Turns every FIRE of the trigger it wraps into FIRE_AND_PURGE, so each firing sees only the
 * elements since the previous one: {@code PurgingTrigger.of(CountTrigger.of(100))}.
 */
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
  private final Trigger<T, W> nested;

  private PurgingTrigger(Trigger<T, W> nested) {
    this.nested = nested;
  }

  public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nested) {
    return new PurgingTrigger<>(nested);
  }

  public Trigger<T, W> getNestedTrigger() {
    return nested;
  }

  @Override
  public TriggerResult onElement(T element, long timestamp, W window, TriggerContext context)
      throws Exception {
    return purging(nested.onElement(element, timestamp, window, context));
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext context) throws Exception {
    return purging(nested.onEventTime(time, window, context));
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext context)
      throws Exception {
    return purging(nested.onProcessingTime(time, window, context));
  }

  @Override
  public boolean canMerge() {
    return nested.canMerge();
  }

  @Override
  public void onMerge(W window, OnMergeContext context) throws Exception {
    nested.onMerge(window, context);
  }

  @Override
  public void clear(W window, TriggerContext context) throws Exception {
    nested.clear(window, context);
  }

  private static TriggerResult purging(TriggerResult result) {
    return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
  }

  @Override
  public String toString() {
    return "PurgingTrigger(" + nested + ")";
  }
}
