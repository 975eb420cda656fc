package io.sluice.api.functions;

/**
 * A process function on a keyed stream: keyed state and timers are scoped to the key of the element
 * (or timer) being processed.
 *
 * <pre>{@code
 * class Count extends KeyedProcessFunction<String, String, Long> {
 *   private transient ValueState<Long> count;
 *   public void open(RuntimeContext ctx) { count = ctx.getState(new ValueStateDescriptor<>("n", Long.class)); }
 *   public void processElement(String word, Context ctx, Collector<Long> out) {
 *     long n = count.value() == null ? 1 : count.value() + 1;
 *     count.update(n);
 *     out.collect(n);
 *   }
 * }
 * }</pre>
 */
public abstract class KeyedProcessFunction<K, I, O> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context<K> context, Collector<O> out)
      throws Exception;

  /** Called when a timer registered through {@link Context#timerService()} fires. */
  public void onTimer(long timestamp, OnTimerContext<K> context, Collector<O> out)
      throws Exception {}

  /** What {@link #processElement} can see of the element being processed. */
  public interface Context<K> {
    /** The element's timestamp, or null if it has none. */
    Long timestamp();

    K getCurrentKey();

    TimerService timerService();

    /**
     * Emits {@code value} to the side output {@code tag}, with the element's (or timer's)
     * timestamp.
     */
    <X> void output(OutputTag<X> tag, X value);
  }

  /** What {@link #onTimer} can see of the firing timer. */
  public interface OnTimerContext<K> extends Context<K> {
    TimeDomain timeDomain();
  }

  /** Which clock a timer belongs to. */
  public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
  }
}
