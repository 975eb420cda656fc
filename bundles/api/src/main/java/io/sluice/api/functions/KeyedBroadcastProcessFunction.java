package io.sluice.api.functions;

import io.sluice.api.functions.KeyedProcessFunction.TimeDomain;

/**
 * The broadcast state pattern on a keyed stream: like {@link BroadcastProcessFunction}, and {@link
 * #processElement} and {@link #onTimer} also see keyed state and per-key timers of the element's
 * key. {@link #processBroadcastElement} runs outside any key: it must not touch keyed state.
 *
 * <pre>{@code
 * events.keyBy(Event::user).connect(rules.broadcast(RULES)).process(new ApplyRules())
 * }</pre>
 */
public abstract class KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> implements RichFunction {
  private static final long serialVersionUID = 1L;

  /** Processes an element of the keyed input, with its key current. */
  public abstract void processElement(IN1 value, ReadOnlyContext<K> context, Collector<OUT> out)
      throws Exception;

  /** Processes an element of the broadcast input; may update broadcast state. */
  public abstract void processBroadcastElement(
      IN2 value, BroadcastProcessFunction.Context context, Collector<OUT> out) throws Exception;

  /** Called when a timer registered in {@link #processElement} (or here) fires. */
  public void onTimer(long timestamp, OnTimerContext<K> context, Collector<OUT> out)
      throws Exception {}

  /** What the keyed side sees: the read-only broadcast state, the current key and its timers. */
  public interface ReadOnlyContext<K> extends BroadcastProcessFunction.ReadOnlyContext {
    K getCurrentKey();

    TimerService timerService();
  }

  /** What {@link #onTimer} can see of the firing timer. */
  public interface OnTimerContext<K> extends ReadOnlyContext<K> {
    TimeDomain timeDomain();
  }
}
