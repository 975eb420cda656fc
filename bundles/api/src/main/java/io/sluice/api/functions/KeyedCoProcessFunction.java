package io.sluice.api.functions;

import io.sluice.api.functions.KeyedProcessFunction.TimeDomain;

/**
 * A process function on two streams connected and keyed by the same key: both inputs see the same
 * keyed state for a key, and timers are per key, whichever input registered them. The classic use
 * is a join that buffers one side in state until the other arrives:
 *
 * <pre>{@code
 * orders.connect(payments).keyBy(Order::id, Payment::orderId).process(new MatchOrders())
 * }</pre>
 */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement1(IN1 value, Context<K> context, Collector<OUT> out)
      throws Exception;

  public abstract void processElement2(IN2 value, Context<K> context, Collector<OUT> out)
      throws Exception;

  /** Called when a timer registered through {@link Context#timerService()} fires. */
  public void onTimer(long timestamp, OnTimerContext<K> context, Collector<OUT> out)
      throws Exception {}

  /** What the function can see of the element (or timer) being processed. */
  public interface Context<K> {
    /** The element's timestamp (an event-time timer's time), or null if it has none. */
    Long timestamp();

    K getCurrentKey();

    TimerService timerService();

    /** Emits {@code value} to the side output {@code tag}, with the current timestamp. */
    <X> void output(OutputTag<X> tag, X value);
  }

  /** What {@link #onTimer} can see of the firing timer. */
  public interface OnTimerContext<K> extends Context<K> {
    TimeDomain timeDomain();
  }
}
