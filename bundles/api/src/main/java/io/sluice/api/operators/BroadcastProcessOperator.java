package io.sluice.api.operators;

import io.sluice.api.functions.BroadcastProcessFunction;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReadOnlyBroadcastState;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: input 1 is the main stream, input 2 the broadcast stream
 * (every subtask receives all of it). Broadcast state lives in this operator, one map per declared
 * descriptor.
 */
public final class BroadcastProcessOperator<IN1, IN2, OUT>
    extends UdfOperator<BroadcastProcessFunction<IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private final List<MapStateDescriptor<?, ?>> descriptors;
  private final ContextImpl contextImpl = new ContextImpl();
  private TimestampedCollector<OUT> collector;
  private BroadcastStates states;

  public BroadcastProcessOperator(
      BroadcastProcessFunction<IN1, IN2, OUT> function,
      List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = List.copyOf(descriptors);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    states = new BroadcastStates(descriptors, context.getOperatorDescription());
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    at(timestamp);
    function.processElement(value, contextImpl.readOnly, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    at(timestamp);
    function.processBroadcastElement(value, contextImpl, collector);
  }

  private void at(long timestamp) {
    contextImpl.timestamp = timestamp;
    collector.setTimestamp(timestamp);
  }

  /** The broadcast side's context; {@link #readOnly} is the main side's view of it. */
  private final class ContextImpl implements BroadcastProcessFunction.Context {
    long timestamp;
    final BroadcastProcessFunction.ReadOnlyContext readOnly = new ReadOnly();

    @Override
    public Long timestamp() {
      return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
    }

    @Override
    public long currentProcessingTime() {
      return context.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return context.currentWatermark();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      collector.collect(tag, value);
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return states.writable(descriptor);
    }

    private final class ReadOnly implements BroadcastProcessFunction.ReadOnlyContext {
      @Override
      public Long timestamp() {
        return ContextImpl.this.timestamp();
      }

      @Override
      public long currentProcessingTime() {
        return ContextImpl.this.currentProcessingTime();
      }

      @Override
      public long currentWatermark() {
        return ContextImpl.this.currentWatermark();
      }

      @Override
      public <X> void output(OutputTag<X> tag, X value) {
        ContextImpl.this.output(tag, value);
      }

      @Override
      public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
          MapStateDescriptor<K, V> descriptor) {
        return states.readOnly(descriptor);
      }
    }
  }
}
