package io.sluice.api.windowing.functions;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.windowing.WindowStateStore;
import io.sluice.api.windowing.windows.Window;

/**
 * Computes the result of one window of one key when the window fires: sees the key, the window,
 * every element (or, after an incremental reduce or aggregate, the one pre-aggregated value) and
 * may emit any number of results, which carry the window's {@code maxTimestamp()}.
 *
 * <pre>{@code
 * class CountPerWindow extends ProcessWindowFunction<Click, String, String, TimeWindow> {
 *   public void process(String user, Context ctx, Iterable<Click> clicks, Collector<String> out) {
 *     long n = 0;
 *     for (Click c : clicks) n++;
 *     out.collect(user + " " + ctx.window().start() + " " + n);
 *   }
 * }
 * }</pre>
 *
 * @param <IN> the window's elements (or pre-aggregated value)
 * @param <OUT> the results
 * @param <KEY> the key
 * @param <W> the window
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window>
    implements RichFunction {
  private static final long serialVersionUID = 1L;

  /** Called each time the window fires (once, or again for late elements and repeated firings). */
  public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception;

  /** Called when the window is removed: clear what was kept in {@link Context#windowState()}. */
  public void clear(Context context) throws Exception {}

  /** The window being processed, time, state and side outputs. */
  public abstract class Context {
    public abstract W window();

    public abstract long currentProcessingTime();

    public abstract long currentWatermark();

    /**
     * State of this key and window, kept across firings of the window until it is removed. Not
     * available for merging (session) windows.
     */
    public abstract WindowStateStore windowState();

    /** State of this key, shared by all its windows. */
    public abstract KeyedStateStore globalState();

    /** Emits to a side output, with the window's {@code maxTimestamp()}. */
    public abstract <X> void output(OutputTag<X> tag, X value);
  }
}
