package io.sluice.api.functions;

import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReadOnlyBroadcastState;

/**
 * The broadcast state pattern on a non-keyed stream: a low-volume stream of rules (or config) is
 * broadcast to every subtask and kept in broadcast state, and every element of the main stream is
 * processed against it.
 *
 * <p>Only {@link #processBroadcastElement} may change broadcast state: every subtask sees the same
 * broadcast elements, so as long as the update depends only on them (not on the main elements a
 * subtask happened to see, nor on its index) every subtask holds the same state. {@link
 * #processElement} gets a read-only view. Both run on the task thread, never concurrently.
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> implements RichFunction {
  private static final long serialVersionUID = 1L;

  /** Processes an element of the main (non-broadcast) input. */
  public abstract void processElement(IN1 value, ReadOnlyContext context, Collector<OUT> out)
      throws Exception;

  /** Processes an element of the broadcast input; may update broadcast state. */
  public abstract void processBroadcastElement(IN2 value, Context context, Collector<OUT> out)
      throws Exception;

  /** What {@link #processElement} can see: time, side outputs and read-only broadcast state. */
  public interface ReadOnlyContext {
    /** The element's timestamp, or null if it has none. */
    Long timestamp();

    long currentProcessingTime();

    long currentWatermark();

    /** Emits {@code value} to the side output {@code tag}, with the element's timestamp. */
    <X> void output(OutputTag<X> tag, X value);

    /**
     * The broadcast state named by {@code descriptor}, which must be one of those given to {@code
     * broadcast(...)}.
     */
    <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
  }

  /** What {@link #processBroadcastElement} can see: broadcast state it may change. */
  public interface Context extends ReadOnlyContext {
    @Override
    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
  }
}
