package io.sluice.api.datastream;

import io.sluice.api.functions.BroadcastProcessFunction;
import io.sluice.api.functions.KeyedBroadcastProcessFunction;
import io.sluice.api.operators.BroadcastProcessOperator;
import io.sluice.api.operators.KeyedBroadcastProcessOperator;
import io.sluice.api.operators.StreamOperator;

/**
 * A stream connected to a {@link BroadcastStream}: the broadcast state pattern. Every subtask of
 * the resulting operator receives the whole broadcast stream and keeps broadcast state from it; the
 * other stream is distributed as usual (by key, when it is a keyed stream).
 *
 * <pre>{@code
 * events.keyBy(Event::user).connect(rules.broadcast(RULES)).process(new ApplyRules())
 * }</pre>
 */
public final class BroadcastConnectedStream<IN1, IN2> {
  private final DataStream<IN1> input;
  private final BroadcastStream<IN2> broadcast;

  BroadcastConnectedStream(DataStream<IN1> input, BroadcastStream<IN2> broadcast) {
    this.input = input;
    this.broadcast = broadcast;
  }

  public DataStream<IN1> getFirstInput() {
    return input;
  }

  public BroadcastStream<IN2> getSecondInput() {
    return broadcast;
  }

  /** Processes a non-keyed stream against the broadcast state. */
  public <R> DataStream<R> process(BroadcastProcessFunction<IN1, IN2, R> function) {
    if (input instanceof KeyedStream<?, ?>) {
      throw new IllegalStateException(
          "A keyed stream connected to a broadcast stream needs a KeyedBroadcastProcessFunction;"
              + " a BroadcastProcessFunction is for non-keyed streams");
    }
    return TwoInputs.transform(
        "Co-Process-Broadcast",
        input,
        broadcast.getBroadcastInput(),
        function,
        BroadcastProcessFunction.class,
        2,
        TwoInputs.StateKeys.none(),
        fn -> new BroadcastProcessOperator<>(fn, broadcast.getDescriptors()));
  }

  /** Processes a keyed stream against the broadcast state, with keyed state and timers. */
  public <K, R> DataStream<R> process(KeyedBroadcastProcessFunction<K, IN1, IN2, R> function) {
    if (!(input instanceof KeyedStream<IN1, ?> keyed)) {
      throw new IllegalStateException(
          "A KeyedBroadcastProcessFunction needs a keyed stream: call keyBy(...) before"
              + " connect(broadcastStream), or use a BroadcastProcessFunction");
    }
    return TwoInputs.transform(
        "Co-Process-Broadcast-Keyed",
        input,
        broadcast.getBroadcastInput(),
        function,
        KeyedBroadcastProcessFunction.class,
        3,
        new TwoInputs.StateKeys<>(keyed.getKeySelector(), null, keyed.getKeyType()),
        (KeyedBroadcastProcessFunction<K, IN1, IN2, R> fn) ->
            (StreamOperator<R>)
                new KeyedBroadcastProcessOperator<>(fn, broadcast.getDescriptors()));
  }
}
