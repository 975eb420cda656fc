package io.sluice.api.functions;

/**
 * The most general function on a non-keyed stream: sees every element with its timestamp and may
 * emit any number of elements.
 */
public abstract class ProcessFunction<I, O> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context context, Collector<O> out) throws Exception;

  /** What {@link #processElement} can see of the element being processed. */
  public interface Context {
    /** The element's timestamp, or null if it has none. */
    Long timestamp();

    TimerService timerService();

    /** Emits {@code value} to the side output {@code tag}, with the element's timestamp. */
    <X> void output(OutputTag<X> tag, X value);
  }
}
