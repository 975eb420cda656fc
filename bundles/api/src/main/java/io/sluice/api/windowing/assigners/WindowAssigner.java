package io.sluice.api.windowing.assigners;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.util.Collection;

/**
 * Says which windows an element belongs to: one (tumbling, session, global) or several (sliding).
 * One instance serves every key and every parallel subtask, so an assigner keeps no mutable state.
 *
 * @param <T> the elements
 * @param <W> the windows
 */
public abstract class WindowAssigner<T, W extends Window> {

  /**
   * The windows of {@code element}.
   *
   * @param timestamp the element's timestamp (event time), or {@code Long.MIN_VALUE} if it has none
   */
  public abstract Collection<W> assignWindows(
      T element, long timestamp, WindowAssignerContext context);

  /** The trigger used unless the windowed stream sets another. */
  public abstract Trigger<? super T, ? super W> getDefaultTrigger();

  /** Writes windows into state (window contents and timers are keyed by window). */
  public abstract TypeSerializer<W> getWindowSerializer();

  /** Whether windows are intervals of event time, so that watermarks end them. */
  public abstract boolean isEventTime();

  /** What an assigner can ask of the operator that runs it. */
  public interface WindowAssignerContext {
    long getCurrentProcessingTime();
  }

  /** The check every event-time assigner makes: an element without timestamp has no window. */
  protected static long requireTimestamp(long timestamp, Object assigner) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(
          "An element has no timestamp, so "
              + assigner
              + " cannot put it into an event-time window. Give the source a WatermarkStrategy with"
              + " a timestamp assigner, or use a processing-time window assigner.");
    }
    return timestamp;
  }
}
