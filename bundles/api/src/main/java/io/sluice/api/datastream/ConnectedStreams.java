package io.sluice.api.datastream;

import io.sluice.api.functions.CoFlatMapFunction;
import io.sluice.api.functions.CoMapFunction;
import io.sluice.api.functions.CoProcessFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.KeyedCoProcessFunction;
import io.sluice.api.operators.CoProcessOperator;
import io.sluice.api.operators.CoStreamFlatMap;
import io.sluice.api.operators.CoStreamMap;
import io.sluice.api.operators.KeyedCoProcessOperator;
import io.sluice.api.operators.StreamOperator;
import java.lang.reflect.Type;

/**
 * Two streams, possibly of different types, processed together by one operator that sees each input
 * through its own method ({@code map1}/{@code map2}, {@code processElement1}/{@code 2}). Created by
 * {@link DataStream#connect(DataStream)}.
 *
 * <p>Keyed by {@link #keyBy} (or built from two keyed streams), both inputs are partitioned by
 * their key, an element's key is current while it is processed, and keyed state and timers of a key
 * are shared by both inputs:
 *
 * <pre>{@code
 * orders.connect(payments).keyBy(Order::id, Payment::orderId).process(new MatchOrders())
 * }</pre>
 */
public final class ConnectedStreams<IN1, IN2> {
  private final DataStream<IN1> first;
  private final DataStream<IN2> second;

  ConnectedStreams(DataStream<IN1> first, DataStream<IN2> second) {
    if (first.environment != second.environment) {
      throw new IllegalArgumentException("cannot connect streams of different environments");
    }
    this.first = first;
    this.second = second;
  }

  public DataStream<IN1> getFirstInput() {
    return first;
  }

  public DataStream<IN2> getSecondInput() {
    return second;
  }

  /** Partitions both inputs by key; the two selectors must produce keys of the same type. */
  public <K> ConnectedStreams<IN1, IN2> keyBy(
      KeySelector<IN1, K> firstKey, KeySelector<IN2, K> secondKey) {
    KeyedStream<IN1, K> keyed1 = first.keyBy(firstKey);
    KeyedStream<IN2, K> keyed2 = second.keyBy(secondKey);
    requireSameKeyType(keyed1, keyed2);
    return new ConnectedStreams<>(keyed1, keyed2);
  }

  /** {@link #keyBy(KeySelector, KeySelector)} with the key type given. */
  public <K> ConnectedStreams<IN1, IN2> keyBy(
      KeySelector<IN1, K> firstKey, KeySelector<IN2, K> secondKey, Type keyType) {
    return new ConnectedStreams<>(first.keyBy(firstKey, keyType), second.keyBy(secondKey, keyType));
  }

  public boolean isKeyed() {
    return first instanceof KeyedStream<?, ?> && second instanceof KeyedStream<?, ?>;
  }

  public <R> DataStream<R> map(CoMapFunction<IN1, IN2, R> mapper) {
    return transform("Co-Map", mapper, CoMapFunction.class, 2, CoStreamMap::new);
  }

  public <R> DataStream<R> flatMap(CoFlatMapFunction<IN1, IN2, R> flatMapper) {
    return transform("Co-Flat Map", flatMapper, CoFlatMapFunction.class, 2, CoStreamFlatMap::new);
  }

  /** Processes both inputs with timestamps and side outputs (keyed state too, if keyed). */
  public <R> DataStream<R> process(CoProcessFunction<IN1, IN2, R> function) {
    return transform("Co-Process", function, CoProcessFunction.class, 2, CoProcessOperator::new);
  }

  /** Processes both inputs with the keyed state and per-key timers they share. */
  public <K, R> DataStream<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> function) {
    if (!isKeyed()) {
      throw new IllegalStateException(
          "A KeyedCoProcessFunction needs keyed connected streams:"
              + " call connect(...).keyBy(key1, key2) first, or connect two keyed streams");
    }
    return transform(
        "Keyed Co-Process",
        function,
        KeyedCoProcessFunction.class,
        3,
        (KeyedCoProcessFunction<K, IN1, IN2, R> fn) ->
            (StreamOperator<R>) new KeyedCoProcessOperator<>(fn));
  }

  private <F extends io.sluice.api.functions.Function, R> DataStream<R> transform(
      String name,
      F function,
      Class<?> functionInterface,
      int outputTypeIndex,
      java.util.function.Function<F, StreamOperator<R>> operator) {
    return TwoInputs.transform(
        name, first, second, function, functionInterface, outputTypeIndex, stateKeys(), operator);
  }

  private TwoInputs.StateKeys<IN1, IN2> stateKeys() {
    if (first instanceof KeyedStream<IN1, ?> keyed1
        && second instanceof KeyedStream<IN2, ?> keyed2) {
      requireSameKeyType(keyed1, keyed2);
      return new TwoInputs.StateKeys<>(
          keyed1.getKeySelector(), keyed2.getKeySelector(), keyed1.getKeyType());
    }
    return TwoInputs.StateKeys.none();
  }

  private static void requireSameKeyType(KeyedStream<?, ?> keyed1, KeyedStream<?, ?> keyed2) {
    if (!keyed1.getKeyType().equals(keyed2.getKeyType())) {
      throw new IllegalArgumentException(
          "Connected streams must be keyed by the same key type, but the first key is "
              + keyed1.getKeyType().getTypeName()
              + " and the second "
              + keyed2.getKeyType().getTypeName());
    }
  }
}
