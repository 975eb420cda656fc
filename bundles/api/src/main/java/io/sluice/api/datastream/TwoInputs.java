package io.sluice.api.datastream;

import io.sluice.api.functions.Function;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.graph.TwoInputTransformation;
import io.sluice.api.operators.StreamOperator;
import java.lang.reflect.Type;

/**
 * Builds the node of a two-input operation (connect, broadcast connect, interval join) the way
 * {@link DataStream} builds one-input nodes: each subtask gets its own copy of the function, the
 * output type comes from the function's type argument, and keyed inputs become state keys.
 */
final class TwoInputs {
  private TwoInputs() {}

  /** Which inputs are keyed, by what, and the key type; a selector is null for an unkeyed input. */
  record StateKeys<IN1, IN2>(KeySelector<IN1, ?> first, KeySelector<IN2, ?> second, Type type) {
    static <IN1, IN2> StateKeys<IN1, IN2> none() {
      return new StateKeys<>(null, null, null);
    }
  }

  static <F extends Function, IN1, IN2, R> DataStream<R> transform(
      String name,
      DataStream<IN1> first,
      DataStream<IN2> second,
      F function,
      Class<?> functionInterface,
      int outputTypeIndex,
      StateKeys<IN1, IN2> keys,
      java.util.function.Function<F, StreamOperator<R>> operator) {
    if (first.environment != second.environment) {
      throw new IllegalArgumentException(
          name + ": cannot combine streams of different environments");
    }
    TwoInputTransformation<IN1, IN2, R> node =
        new TwoInputTransformation<>(
            first.environment.newId(),
            name,
            first.transformation,
            second.transformation,
            DataStream.copying(name, function, operator));
    DataStream.applyOutputType(node, function, functionInterface, outputTypeIndex);
    if (keys.type() != null) {
      node.setStateKeys(keys.first(), keys.second(), keys.type());
    }
    return new DataStream<>(first.environment, node);
  }
}
