package io.sluice.api.datastream;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.graph.OneInputTransformation;
import io.sluice.api.graph.PartitionTransformation;
import io.sluice.api.graph.Partitioning;
import io.sluice.api.operators.KeyedProcessOperator;
import io.sluice.api.operators.KeyedReduceOperator;
import io.sluice.api.operators.StreamOperator;
import java.lang.reflect.Type;

/**
 * A stream partitioned by key: operations on it see keyed state and timers of the element's key.
 *
 * <pre>{@code
 * words.keyBy(w -> w.word()).reduce((a, b) -> new WordCount(a.word(), a.count() + b.count()))
 * }</pre>
 */
public final class KeyedStream<T, K> extends DataStream<T> {
  private final KeySelector<T, K> keySelector;
  private final Type keyType;

  KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector, Type keyType) {
    super(
        input.environment,
        new PartitionTransformation<>(
            input.environment.newId(), input.transformation, Partitioning.HASH, keySelector));
    this.keySelector = keySelector;
    this.keyType = keyType;
  }

  public KeySelector<T, K> getKeySelector() {
    return keySelector;
  }

  public Type getKeyType() {
    return keyType;
  }

  @Override
  void configure(OneInputTransformation<T, ?> node) {
    node.setStateKey(keySelector, keyType);
  }

  /** A rolling reduce: emits the reduced value of the key after every element. */
  public DataStream<T> reduce(ReduceFunction<T> reducer) {
    OneInputTransformation<T, T> node =
        new OneInputTransformation<>(
            environment.newId(),
            "Keyed Reduce",
            transformation,
            copying(
                "Keyed Reduce",
                reducer,
                fn -> new KeyedReduceOperator<>(fn, transformation.getOutputSerializer())));
    sameTypeAsInput(node);
    configure(node);
    return new DataStream<>(environment, node);
  }

  /** Rolling sum of a tuple field (by position) or record/POJO component (by position). */
  public DataStream<T> sum(int position) {
    return aggregate(FieldAggregator.Kind.SUM, FieldRef.position(position));
  }

  /** Rolling sum of a record component or POJO field (by name). */
  public DataStream<T> sum(String field) {
    return aggregate(FieldAggregator.Kind.SUM, FieldRef.named(field));
  }

  /** Rolling minimum of a field; the other fields keep the values of the key's first element. */
  public DataStream<T> min(int position) {
    return aggregate(FieldAggregator.Kind.MIN, FieldRef.position(position));
  }

  public DataStream<T> min(String field) {
    return aggregate(FieldAggregator.Kind.MIN, FieldRef.named(field));
  }

  /** Rolling maximum of a field; the other fields keep the values of the key's first element. */
  public DataStream<T> max(int position) {
    return aggregate(FieldAggregator.Kind.MAX, FieldRef.position(position));
  }

  public DataStream<T> max(String field) {
    return aggregate(FieldAggregator.Kind.MAX, FieldRef.named(field));
  }

  private DataStream<T> aggregate(FieldAggregator.Kind kind, FieldRef field) {
    FieldAggregator<T> aggregator = FieldAggregator.create(getType(), field, kind);
    return reduce(aggregator).name(kind.label() + "(" + field + ")");
  }

  /** Processes each element with keyed state and per-key timers. */
  public <R> DataStream<R> process(KeyedProcessFunction<K, T, R> function) {
    return oneInput(
        "KeyedProcess",
        function,
        KeyedProcessFunction.class,
        2,
        (KeyedProcessFunction<K, T, R> fn) -> (StreamOperator<R>) new KeyedProcessOperator<>(fn));
  }

  // ---- windows (window, countWindow) ----

  /** Cuts each key's elements into the windows {@code assigner} gives them. */
  public <W extends io.sluice.api.windowing.windows.Window> WindowedStream<T, K, W> window(
      io.sluice.api.windowing.assigners.WindowAssigner<? super T, W> assigner) {
    return new WindowedStream<>(this, assigner);
  }

  /** Windows of {@code size} elements of a key each (tumbling by count). */
  public WindowedStream<T, K, io.sluice.api.windowing.windows.GlobalWindow> countWindow(long size) {
    return window(io.sluice.api.windowing.assigners.GlobalWindows.create())
        .trigger(
            io.sluice.api.windowing.triggers.PurgingTrigger.of(
                io.sluice.api.windowing.triggers.CountTrigger.of(size)));
  }

  /** Windows of the last {@code size} elements of a key, every {@code slide} elements. */
  public WindowedStream<T, K, io.sluice.api.windowing.windows.GlobalWindow> countWindow(
      long size, long slide) {
    return window(io.sluice.api.windowing.assigners.GlobalWindows.create())
        .evictor(io.sluice.api.windowing.evictors.CountEvictor.of(size))
        .trigger(io.sluice.api.windowing.triggers.CountTrigger.of(slide));
  }

  // ---- multi-input (connect of keyed streams, intervalJoin) ----

  /**
   * Joins with another stream keyed by the same key type on event time; give the interval with
   * {@link IntervalJoin#between}.
   */
  public <T2> IntervalJoin<T, T2, K> intervalJoin(KeyedStream<T2, K> other) {
    if (other.environment != environment) {
      throw new IllegalArgumentException("cannot join streams of different environments");
    }
    return new IntervalJoin<>(this, other);
  }
}
