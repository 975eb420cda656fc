package io.sluice.api.operators;

import io.sluice.api.functions.BroadcastProcessFunction;
import io.sluice.api.functions.KeyedBroadcastProcessFunction;
import io.sluice.api.functions.KeyedProcessFunction.TimeDomain;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.TimerService;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReadOnlyBroadcastState;
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is the keyed stream (its key is current for
 * each element and timer), input 2 the broadcast stream, which runs outside any key.
 */
public final class KeyedBroadcastProcessOperator<K, IN1, IN2, OUT>
    extends UdfOperator<KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K> {
  private final List<MapStateDescriptor<?, ?>> descriptors;
  private final KeyedContext keyedContext = new KeyedContext();
  private final BroadcastContext broadcastContext = new BroadcastContext();
  private TimestampedCollector<OUT> collector;
  private BroadcastStates states;
  private TimerService timerService;
  private long timestamp;

  public KeyedBroadcastProcessOperator(
      KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
      List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = List.copyOf(descriptors);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    states = new BroadcastStates(descriptors, context.getOperatorDescription());
    timerService = new KeyedTimers(context.getTimerService(this));
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    at(timestamp, null);
    function.processElement(value, keyedContext, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    at(timestamp, null);
    function.processBroadcastElement(value, broadcastContext, collector);
  }

  @Override
  public void onEventTime(K key, long timestamp) throws Exception {
    at(timestamp, TimeDomain.EVENT_TIME);
    function.onTimer(timestamp, keyedContext, collector);
  }

  @Override
  public void onProcessingTime(K key, long timestamp) throws Exception {
    at(Output.NO_TIMESTAMP, TimeDomain.PROCESSING_TIME);
    function.onTimer(timestamp, keyedContext, collector);
  }

  private void at(long timestamp, TimeDomain domain) {
    this.timestamp = timestamp;
    keyedContext.domain = domain;
    collector.setTimestamp(timestamp);
  }

  private Long timestampOrNull() {
    return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
  }

  /** The keyed side's view: read-only broadcast state, the current key and its timers. */
  private final class KeyedContext implements KeyedBroadcastProcessFunction.OnTimerContext<K> {
    TimeDomain domain;

    @Override
    public Long timestamp() {
      return timestampOrNull();
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
    public <UK, UV> ReadOnlyBroadcastState<UK, UV> getBroadcastState(
        MapStateDescriptor<UK, UV> descriptor) {
      return states.readOnly(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public K getCurrentKey() {
      return (K) context.getKeyedStateBackend().getCurrentKey();
    }

    @Override
    public TimerService timerService() {
      return timerService;
    }

    @Override
    public TimeDomain timeDomain() {
      return domain;
    }
  }

  /** The broadcast side's view: writable broadcast state, no key. */
  private final class BroadcastContext implements BroadcastProcessFunction.Context {
    @Override
    public Long timestamp() {
      return timestampOrNull();
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
    public <UK, UV> BroadcastState<UK, UV> getBroadcastState(
        MapStateDescriptor<UK, UV> descriptor) {
      return states.writable(descriptor);
    }
  }
}
