package io.sluice.api.functions;

/**
 * The most general function on two connected, non-keyed streams: sees every element of each input
 * with its timestamp, may emit any number of elements and write side outputs. For keyed state and
 * timers connect keyed streams and use {@link KeyedCoProcessFunction}.
 */
public abstract class CoProcessFunction<IN1, IN2, OUT> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement1(IN1 value, Context context, Collector<OUT> out)
      throws Exception;

  public abstract void processElement2(IN2 value, Context context, Collector<OUT> out)
      throws Exception;

  /** What the function can see of the element being processed. */
  public interface Context {
    /** The element's timestamp, or null if it has none. */
    Long timestamp();

    /** Time only; registering timers fails because timers need a key. */
    TimerService timerService();

    /** Emits {@code value} to the side output {@code tag}, with the element's timestamp. */
    <X> void output(OutputTag<X> tag, X value);
  }
}
