package io.sluice.api.state;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.typeutils.TypeHint;
import io.sluice.api.typeutils.TypeSerializer;
import java.util.Objects;

/**
 * Describes a {@link ReducingState}: {@code new ReducingStateDescriptor<>("sum", Long::sum,
 * Long.class)}.
 *
 * <p>A backend keeps the function of the first registration of a name; registering the same name
 * again with another function does not replace it.
 */
public final class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
  private final ReduceFunction<T> reduceFunction;

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
    super(name, type);
    this.reduceFunction = requireFunction(reduceFunction, name);
  }

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeHint<T> type) {
    super(name, type.getType());
    this.reduceFunction = requireFunction(reduceFunction, name);
  }

  public ReducingStateDescriptor(
      String name, ReduceFunction<T> reduceFunction, TypeSerializer<T> serializer) {
    super(name, serializer);
    this.reduceFunction = requireFunction(reduceFunction, name);
  }

  public ReduceFunction<T> getReduceFunction() {
    return reduceFunction;
  }

  @Override
  public Kind getKind() {
    return Kind.REDUCING;
  }

  private static <T> ReduceFunction<T> requireFunction(ReduceFunction<T> function, String name) {
    return Objects.requireNonNull(
        function, () -> "reducing state '" + name + "' needs a reduce function");
  }
}
