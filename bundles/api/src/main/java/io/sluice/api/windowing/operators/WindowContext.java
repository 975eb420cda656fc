package io.sluice.api.windowing.operators;

import io.sluice.api.functions.OutputTag;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.windowing.WindowStateStore;
import io.sluice.api.windowing.windows.Window;

/** What the window operator offers a window function about the window being fired. */
public interface WindowContext<W extends Window> {
  W window();

  long currentProcessingTime();

  long currentWatermark();

  /** State of the current key and window. */
  WindowStateStore windowState();

  /** State of the current key. */
  KeyedStateStore globalState();

  /** Emits to a side output with the window's {@code maxTimestamp()}. */
  <X> void output(OutputTag<X> tag, X value);
}
