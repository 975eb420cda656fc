package io.sluice.api.operators;

import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.KeyedProcessFunction.TimeDomain;
import io.sluice.api.functions.TimerService;

/** Runs a {@link KeyedProcessFunction}: keyed state and per-key timers. */
public final class KeyedProcessOperator<K, IN, OUT>
    extends UdfOperator<KeyedProcessFunction<K, IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<K> {
  private TimestampedCollector<OUT> collector;
  private TimerService timerService;
  private final ContextImpl contextImpl = new ContextImpl();

  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timerService = new KeyedTimers(context.getTimerService(this));
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    contextImpl.timestamp = timestamp;
    contextImpl.domain = null;
    collector.setTimestamp(timestamp);
    function.processElement(value, contextImpl, collector);
  }

  @Override
  public void onEventTime(K key, long timestamp) throws Exception {
    fire(timestamp, TimeDomain.EVENT_TIME);
  }

  @Override
  public void onProcessingTime(K key, long timestamp) throws Exception {
    fire(timestamp, TimeDomain.PROCESSING_TIME);
  }

  private void fire(long timestamp, TimeDomain domain) throws Exception {
    // An event-time timer's output carries the timer's time; a processing-time one carries none.
    long outputTimestamp = domain == TimeDomain.EVENT_TIME ? timestamp : Output.NO_TIMESTAMP;
    contextImpl.timestamp = outputTimestamp;
    contextImpl.domain = domain;
    collector.setTimestamp(outputTimestamp);
    function.onTimer(timestamp, contextImpl, collector);
  }

  /** The function's view of the current element or timer; one instance reused per call. */
  private final class ContextImpl implements KeyedProcessFunction.OnTimerContext<K> {
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
    public <X> void output(io.sluice.api.functions.OutputTag<X> tag, X value) {
      collector.collect(tag, value);
    }
  }
}
