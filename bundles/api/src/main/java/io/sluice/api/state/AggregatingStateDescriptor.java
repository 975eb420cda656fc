package io.sluice.api.state;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.typeutils.TypeHint;
import io.sluice.api.typeutils.TypeSerializer;
import java.util.Objects;

/**
 * Describes an {@link AggregatingState}. The stored type, and so the type given here, is the
 * accumulator's, not the added values' nor the result's:
 *
 * <pre>{@code
 * new AggregatingStateDescriptor<>("avg", new Average(), long[].class)
 * }</pre>
 *
 * <p>A backend keeps the function of the first registration of a name; registering the same name
 * again with another function does not replace it.
 *
 * @param <IN> the type of the added values
 * @param <ACC> the type of the accumulator, which the state stores
 * @param <OUT> the type of the result
 */
public final class AggregatingStateDescriptor<IN, ACC, OUT>
    extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorType) {
    super(name, accumulatorType);
    this.aggregateFunction = requireFunction(aggregateFunction, name);
  }

  public AggregatingStateDescriptor(
      String name,
      AggregateFunction<IN, ACC, OUT> aggregateFunction,
      TypeHint<ACC> accumulatorType) {
    super(name, accumulatorType.getType());
    this.aggregateFunction = requireFunction(aggregateFunction, name);
  }

  public AggregatingStateDescriptor(
      String name,
      AggregateFunction<IN, ACC, OUT> aggregateFunction,
      TypeSerializer<ACC> accumulatorSerializer) {
    super(name, accumulatorSerializer);
    this.aggregateFunction = requireFunction(aggregateFunction, name);
  }

  public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
    return aggregateFunction;
  }

  @Override
  public Kind getKind() {
    return Kind.AGGREGATING;
  }

  private static <IN, ACC, OUT> AggregateFunction<IN, ACC, OUT> requireFunction(
      AggregateFunction<IN, ACC, OUT> function, String name) {
    return Objects.requireNonNull(
        function, () -> "aggregating state '" + name + "' needs an aggregate function");
  }
}
