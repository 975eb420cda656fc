package io.sluice.api.datastream;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.operators.FunctionCopier;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.functions.ProcessAllWindowFunction;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.time.Duration;

/**
 * A non-keyed stream cut into windows: every element of the stream goes into the same windows, so
 * the window operator runs in one subtask. The same options and functions as {@link
 * WindowedStream}, without a key.
 *
 * <p>Implemented as keyed windows over one constant key, so window contents and timers live in
 * keyed state like those of keyed windows.
 */
public final class AllWindowedStream<T, W extends Window> {
  private final WindowedStream<T, Byte, W> windowed;

  AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
    KeyedStream<T, Byte> keyed = new KeyedStream<>(input, new ConstantKey<>(), Byte.class);
    this.windowed = new WindowedStream<>(keyed, assigner, true);
  }

  public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
    windowed.trigger(trigger);
    return this;
  }

  public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
    windowed.evictor(evictor);
    return this;
  }

  /** See {@link WindowedStream#allowedLateness}. */
  public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
    windowed.allowedLateness(lateness);
    return this;
  }

  /** See {@link WindowedStream#sideOutputLateData}. */
  public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> tag) {
    windowed.sideOutputLateData(tag);
    return this;
  }

  public DataStream<T> reduce(ReduceFunction<T> reducer) {
    return windowed.reduce(reducer);
  }

  public <R> DataStream<R> reduce(
      ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function) {
    FunctionCopier.copy(function, "window");
    return windowed.reduce(
        reducer,
        new AllWindowFunctionAdapter<>(function),
        node -> DataStream.applyOutputType(node, function, ProcessAllWindowFunction.class, 1));
  }

  public <ACC, R> DataStream<R> aggregate(AggregateFunction<T, ACC, R> function) {
    return windowed.aggregate(function);
  }

  public <ACC, V, R> DataStream<R> aggregate(
      AggregateFunction<T, ACC, V> function, ProcessAllWindowFunction<V, R, W> windowFunction) {
    FunctionCopier.copy(windowFunction, "window");
    return windowed.aggregate(
        function,
        new AllWindowFunctionAdapter<>(windowFunction),
        node ->
            DataStream.applyOutputType(node, windowFunction, ProcessAllWindowFunction.class, 1));
  }

  public <R> DataStream<R> process(ProcessAllWindowFunction<T, R, W> function) {
    FunctionCopier.copy(function, "window");
    return windowed.process(
        new AllWindowFunctionAdapter<>(function),
        node -> DataStream.applyOutputType(node, function, ProcessAllWindowFunction.class, 1));
  }

  public DataStream<T> sum(int position) {
    return windowed.sum(position);
  }

  public DataStream<T> sum(String field) {
    return windowed.sum(field);
  }

  public DataStream<T> min(String field) {
    return windowed.min(field);
  }

  public DataStream<T> max(String field) {
    return windowed.max(field);
  }

  /** The one key of a non-keyed window. */
  static final class ConstantKey<T> implements KeySelector<T, Byte> {
    private static final long serialVersionUID = 1L;
    private static final Byte KEY = 0;

    @Override
    public Byte getKey(T value) {
      return KEY;
    }
  }
}
