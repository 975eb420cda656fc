package io.sluice.api.operators;

import io.sluice.api.functions.KeyedCoProcessFunction;
import io.sluice.api.functions.KeyedProcessFunction.TimeDomain;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.TimerService;

/**
 * Runs a {@link KeyedCoProcessFunction}: the runtime makes the element's key current (from the
 * selector of the input it arrived on), so both inputs share the keyed state and timers of a key.
 */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
    extends UdfOperator<KeyedCoProcessFunction<K, IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K> {
  private final ContextImpl contextImpl = new ContextImpl();
  private TimestampedCollector<OUT> collector;
  private TimerService timerService;

  public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timerService = new KeyedTimers(context.getTimerService(this));
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    at(timestamp, null);
    function.processElement1(value, contextImpl, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    at(timestamp, null);
    function.processElement2(value, contextImpl, collector);
  }

  @Override
  public void onEventTime(K key, long timestamp) throws Exception {
    // An event-time timer's output carries the timer's time; a processing-time one carries none.
    at(timestamp, TimeDomain.EVENT_TIME);
    function.onTimer(timestamp, contextImpl, collector);
  }

  @Override
  public void onProcessingTime(K key, long timestamp) throws Exception {
    at(Output.NO_TIMESTAMP, TimeDomain.PROCESSING_TIME);
    function.onTimer(timestamp, contextImpl, collector);
  }

  private void at(long timestamp, TimeDomain domain) {
    contextImpl.timestamp = timestamp;
    contextImpl.domain = domain;
    collector.setTimestamp(timestamp);
  }

  /** The function's view of the current element or timer; one instance reused per call. */
  private final class ContextImpl implements KeyedCoProcessFunction.OnTimerContext<K> {
    long timestamp;
    TimeDomain domain;

    @Override
    public Long timestamp() {
      return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
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

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      collector.collect(tag, value);
    }
  }
}
