package io.sluice.api.windowing.operators;

import io.sluice.api.functions.OutputTag;
import io.sluice.api.operators.FunctionCopier;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.windowing.assigners.MergingWindowAssigner;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.util.Objects;

/**
 * Everything a {@link WindowOperator} is built from, checked once when the job is built.
 *
 * @param assigner which windows an element belongs to
 * @param trigger when windows fire
 * @param evictor what leaves a window when it fires, or null; with an evictor the contents must be
 *     {@link WindowContents#evicting}
 * @param allowedLatenessMillis how long after its end an event-time window keeps its state and
 *     fires again for late elements
 * @param lateDataTag where elements later than that go, or null to drop them
 * @param contents what a window keeps of its elements
 * @param function what a firing window emits
 * @param accumulatorSerializer writes {@code contents}' accumulators into state
 */
public record WindowOperatorSpec<K, IN, ACC, V, OUT, W extends Window>(
    WindowAssigner<? super IN, W> assigner,
    Trigger<? super IN, ? super W> trigger,
    Evictor<? super IN, ? super W> evictor,
    long allowedLatenessMillis,
    OutputTag<IN> lateDataTag,
    WindowContents<IN, ACC, V> contents,
    InternalWindowFunction<V, OUT, K, W> function,
    TypeSerializer<ACC> accumulatorSerializer) {

  public WindowOperatorSpec {
    Objects.requireNonNull(assigner, "window assigner");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(contents, "window contents");
    Objects.requireNonNull(function, "window function");
    Objects.requireNonNull(accumulatorSerializer, "accumulator serializer");
    if (allowedLatenessMillis < 0) {
      throw new IllegalArgumentException(
          "allowed lateness must not be negative: " + allowedLatenessMillis + " ms");
    }
    if (assigner instanceof MergingWindowAssigner<?, ?> && !trigger.canMerge()) {
      throw new IllegalArgumentException(
          "The merging window assigner "
              + assigner
              + " needs a trigger that can merge windows, but "
              + trigger
              + " cannot (its canMerge() is false)");
    }
    if (evictor != null && !(contents instanceof EvictingContents<?, ?, ?>)) {
      throw new IllegalArgumentException("a window with an evictor must keep evicting contents");
    }
  }

  /** The same spec with this subtask's own copies of the user functions. */
  public WindowOperatorSpec<K, IN, ACC, V, OUT, W> withCopiedFunctions(String operatorName) {
    return new WindowOperatorSpec<>(
        assigner,
        trigger,
        evictor,
        allowedLatenessMillis,
        lateDataTag,
        FunctionCopier.copy(contents, operatorName),
        FunctionCopier.copy(function, operatorName),
        accumulatorSerializer.duplicate());
  }
}
