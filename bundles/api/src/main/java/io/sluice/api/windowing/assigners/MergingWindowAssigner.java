package io.sluice.api.windowing.assigners;

import io.sluice.api.windowing.windows.Window;
import java.util.Collection;
import java.util.List;

/**
 * An assigner whose windows grow by merging (sessions): after every new window, the windows of a
 * key that overlap are merged into one, and their contents and trigger state with them.
 */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

  /**
   * Finds the windows of {@code windows} that must become one; reports each group of two or more to
   * {@code callback}.
   */
  public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

  /** Receives one merge: the windows that become one, and the window they become. */
  @FunctionalInterface
  public interface MergeCallback<W> {
    void merge(List<W> toBeMerged, W mergeResult);
  }
}
