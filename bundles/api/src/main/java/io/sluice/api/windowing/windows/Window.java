package io.sluice.api.windowing.windows;

/**
 * A group of elements a window function runs over. Windows are values: equal windows (by {@link
 * Object#equals}) are the same window, which is how their contents are found in keyed state, so
 * implementations are records or have value-based {@code equals} and {@code hashCode}.
 */
public interface Window {
  /** The largest timestamp that still belongs to the window; results carry it as timestamp. */
  long maxTimestamp();
}
