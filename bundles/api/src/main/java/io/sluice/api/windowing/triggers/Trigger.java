package io.sluice.api.windowing.triggers;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.windowing.WindowStateStore;
import io.sluice.api.windowing.windows.Window;

/**
 * Decides when a window fires and when its contents are purged. It is called for every element
 * added to a window and for every timer it registered for that window; timers and state obtained
 * from the {@link TriggerContext} belong to the current key and window.
 *
 * <p>One trigger instance serves every key, window and parallel subtask, so a trigger keeps
 * everything per window in the context's state, never in its fields. All calls come from the task
 * thread.
 *
 * <pre>{@code
 * class FireOnRed extends Trigger<Event, GlobalWindow> {
 *   public TriggerResult onElement(Event e, long ts, GlobalWindow w, TriggerContext ctx) {
 *     return e.color().equals("red") ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
 *   }
 *   ...
 * }
 * }</pre>
 *
 * @param <T> the elements
 * @param <W> the windows
 */
public abstract class Trigger<T, W extends Window> {

  /** Called for every element added to {@code window}. */
  public abstract TriggerResult onElement(
      T element, long timestamp, W window, TriggerContext context) throws Exception;

  /** Called when an event-time timer this trigger registered for {@code window} fires. */
  public abstract TriggerResult onEventTime(long time, W window, TriggerContext context)
      throws Exception;

  /** Called when a processing-time timer this trigger registered for {@code window} fires. */
  public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext context)
      throws Exception;

  /** Whether the trigger supports merging windows (sessions); if so it implements onMerge. */
  public boolean canMerge() {
    return false;
  }

  /**
   * Called when windows merged into {@code window}: re-register the timers the new window needs and
   * merge the state of the merged windows (their {@link #clear} runs right after).
   */
  public void onMerge(W window, OnMergeContext context) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " does not support merging");
  }

  /**
   * Called when {@code window} is removed: delete the timers and state kept for it. Timers left
   * behind fire into a window that no longer exists and are ignored.
   */
  public abstract void clear(W window, TriggerContext context) throws Exception;

  /** Time, timers and per-window state of the current key and window. */
  public interface TriggerContext extends WindowStateStore {
    long getCurrentProcessingTime();

    long getCurrentWatermark();

    void registerEventTimeTimer(long time);

    void registerProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);
  }

  /** The context of {@link #onMerge}: also reaches the state of the windows being merged. */
  public interface OnMergeContext extends TriggerContext {
    /**
     * Combines the value of {@code descriptor} of every merged window with the merge result's own
     * value, with {@code merger}, into the merge result's value.
     */
    <S> void mergeValueState(ValueStateDescriptor<S> descriptor, ReduceFunction<S> merger)
        throws Exception;
  }
}
