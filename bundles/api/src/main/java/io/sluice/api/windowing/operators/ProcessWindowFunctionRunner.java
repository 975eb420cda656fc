package io.sluice.api.windowing.operators;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.windowing.WindowStateStore;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.windows.Window;

/** Runs a user's {@link ProcessWindowFunction}, giving it a context that reads the operator's. */
final class ProcessWindowFunctionRunner<V, OUT, K, W extends Window>
    implements InternalWindowFunction<V, OUT, K, W> {
  private static final long serialVersionUID = 1L;
  private final ProcessWindowFunction<V, OUT, K, W> function;
  private transient ContextAdapter adapter;

  ProcessWindowFunctionRunner(ProcessWindowFunction<V, OUT, K, W> function) {
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
  public void process(K key, WindowContext<W> context, Iterable<V> values, Collector<OUT> out)
      throws Exception {
    adapter.delegate = context;
    function.process(key, adapter, values, out);
  }

  @Override
  public void clear(K key, WindowContext<W> context) throws Exception {
    adapter.delegate = context;
    function.clear(adapter);
  }

  /** The user function's view of the operator's window context; one instance reused. */
  private final class ContextAdapter extends ProcessWindowFunction<V, OUT, K, W>.Context {
    WindowContext<W> delegate;

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
