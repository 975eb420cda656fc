package io.sluice.api.functions;

/**
 * Receives each pair of an interval join ({@code left.intervalJoin(right).between(lower, upper)}):
 * a left and a right element of the same key whose timestamps satisfy {@code left + lower <= right
 * <= left + upper}. Whatever it emits carries the larger of the two timestamps.
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(IN1 left, IN2 right, Context context, Collector<OUT> out)
      throws Exception;

  /** The timestamps of the pair. */
  public interface Context {
    long getLeftTimestamp();

    long getRightTimestamp();

    /** The timestamp of the output: the larger of the two. */
    long getTimestamp();

    /** Emits {@code value} to the side output {@code tag}, with the pair's timestamp. */
    <X> void output(OutputTag<X> tag, X value);
  }
}
