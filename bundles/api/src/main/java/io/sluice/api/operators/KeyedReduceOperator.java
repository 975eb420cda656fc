package io.sluice.api.operators;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeutils.TypeSerializer;

/**
 * A rolling reduce per key: keeps the reduced value in keyed state and emits it after every
 * element, as Flink's {@code KeyedStream.reduce} does.
 */
public final class KeyedReduceOperator<T> extends UdfOperator<ReduceFunction<T>, T>
    implements OneInputStreamOperator<T, T> {
  private final TypeSerializer<T> serializer;
  private ValueState<T> reduced;

  public KeyedReduceOperator(ReduceFunction<T> function, TypeSerializer<T> serializer) {
    super(function);
    this.serializer = serializer;
  }

  @Override
  public void open() throws Exception {
    super.open();
    reduced =
        context
            .getRuntimeContext()
            .getState(new ValueStateDescriptor<>("_reduce", serializer.duplicate()));
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    T current = reduced.value();
    T next = current == null ? value : function.reduce(current, value);
    reduced.update(next);
    output.collect(next, timestamp);
  }
}
