package io.sluice.api.datastream;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.windowing.WindowStateStore;
import io.sluice.api.windowing.functions.ProcessAllWindowFunction;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.windows.Window;

/** Runs a {@link ProcessAllWindowFunction} as the keyed window function of the constant key. */
final class AllWindowFunctionAdapter<IN, OUT, W extends Window>
    extends ProcessWindowFunction<IN, OUT, Byte, W> {
  private static final long serialVersionUID = 1L;
  private final ProcessAllWindowFunction<IN, OUT, W> function;
  private transient ContextAdapter adapter;

  AllWindowFunctionAdapter(ProcessAllWindowFunction<IN, OUT, W> function) {
    this.function = function;
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    adapter = new ContextAdapter();
    function.open(context);
  }

  @Override
  public void close() throws Exception {
    function.close();
  }

  @Override
  public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception {
    adapter.delegate = context;
    function.process(adapter, elements, out);
  }

  @Override
  public void clear(Context context) throws Exception {
    adapter.delegate = context;
    function.clear(adapter);
  }

  /** The all-window function's view of the keyed context. */
  private final class ContextAdapter extends ProcessAllWindowFunction<IN, OUT, W>.Context {
    ProcessWindowFunction<IN, OUT, Byte, W>.Context delegate;

    ContextAdapter() {
      function.super();
    }

    @Override
    public W window() {
      return delegate.window();
    }

    @Override
    public long currentProcessingTime() {
      return delegate.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return delegate.currentWatermark();
    }

    @Override
    public WindowStateStore windowState() {
      return delegate.windowState();
    }

    @Override
    public KeyedStateStore globalState() {
      return delegate.globalState();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      delegate.output(tag, value);
    }
  }
}
