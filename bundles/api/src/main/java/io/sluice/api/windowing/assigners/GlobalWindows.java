package io.sluice.api.windowing.assigners;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/**
 * Puts every element of a key into the one {@link GlobalWindow}. Its default trigger never fires:
 * give the windowed stream a trigger ({@code CountTrigger}, a custom one), as {@code countWindow}
 * does.
 */
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
  private static final List<GlobalWindow> WINDOWS = List.of(GlobalWindow.get());

  private GlobalWindows() {}

  public static GlobalWindows create() {
    return new GlobalWindows();
  }

  @Override
  public Collection<GlobalWindow> assignWindows(
      Object element, long timestamp, WindowAssignerContext context) {
    return WINDOWS;
  }

  @Override
  public Trigger<Object, GlobalWindow> getDefaultTrigger() {
    return new NeverTrigger();
  }

  @Override
  public TypeSerializer<GlobalWindow> getWindowSerializer() {
    return TypeSerializers.forClass(GlobalWindow.class);
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "GlobalWindows()";
  }

  /** The default trigger of global windows: never fires, keeps no state. */
  public static final class NeverTrigger extends Trigger<Object, GlobalWindow> {
    @Override
    public TriggerResult onElement(
        Object element, long timestamp, GlobalWindow window, TriggerContext context) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext context) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext context) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    public void onMerge(GlobalWindow window, OnMergeContext context) {}

    @Override
    public void clear(GlobalWindow window, TriggerContext context) {}
  }
}
