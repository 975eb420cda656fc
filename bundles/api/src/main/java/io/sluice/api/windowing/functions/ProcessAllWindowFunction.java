package io.sluice.api.windowing.functions;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.windowing.WindowStateStore;
import io.sluice.api.windowing.windows.Window;

/**
 * The {@link ProcessWindowFunction} of a non-keyed window ({@code windowAll}): sees the window and
 * all of its elements, in one subtask.
 */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception;

  /** Called when the window is removed: clear what was kept in {@link Context#windowState()}. */
  public void clear(Context context) throws Exception {}

  /** The window being processed, time, state and side outputs. */
  public abstract class Context {
    public abstract W window();

    public abstract long currentProcessingTime();

    public abstract long currentWatermark();

    /** State of this window, kept across its firings. Not available for merging windows. */
    public abstract WindowStateStore windowState();

    /** State shared by all windows of the stream. */
    public abstract KeyedStateStore globalState();

    /** Emits to a side output, with the window's {@code maxTimestamp()}. */
    public abstract <X> void output(OutputTag<X> tag, X value);
  }
}
