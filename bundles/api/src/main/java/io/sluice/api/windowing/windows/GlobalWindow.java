package io.sluice.api.windowing.windows;

/**
 * The one window that holds every element of a key; it never ends, so it fires only when a trigger
 * says so (count windows, custom triggers).
 */
public record GlobalWindow() implements Window {
  private static final GlobalWindow INSTANCE = new GlobalWindow();

  public static GlobalWindow get() {
    return INSTANCE;
  }

  @Override
  public long maxTimestamp() {
    return Long.MAX_VALUE;
  }
}
