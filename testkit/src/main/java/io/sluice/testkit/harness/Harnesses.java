package io.sluice.testkit.harness;

import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.operators.KeyedProcessOperator;
import io.sluice.api.operators.KeyedReduceOperator;
import io.sluice.api.operators.ProcessOperator;
import io.sluice.api.operators.StreamFilter;
import io.sluice.api.operators.StreamFlatMap;
import io.sluice.api.operators.StreamMap;
import io.sluice.api.typeutils.TypeSerializers;
import java.lang.reflect.Type;

/**
 * Harnesses for user functions in one line, each wrapping the function in the operator the
 * DataStream API would use and already {@linkplain OperatorHarness#open() open}:
 *
 * <pre>{@code
 * var harness = Harnesses.forKeyedProcessFunction(new Alerts(), Reading::sensor, String.class);
 * harness.processElement(new Reading("s1", 42.0), 1_000);
 * harness.processWatermark(61_000);
 * assertThat(harness.extractOutputValues()).containsExactly("s1 silent since 1000");
 * }</pre>
 *
 * The function is used as given, not copied, so a test may inspect it afterwards.
 */
public final class Harnesses {
  private Harnesses() {}

  public static <IN, OUT> OneInputOperatorHarness<IN, OUT> forProcessFunction(
      ProcessFunction<IN, OUT> function) throws Exception {
    return opened(new OneInputOperatorHarness<>(new ProcessOperator<>(function)));
  }

  /**
   * @param keyType the type of the keys {@code keySelector} returns
   */
  public static <K, IN, OUT> KeyedOneInputOperatorHarness<K, IN, OUT> forKeyedProcessFunction(
      KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector, Type keyType)
      throws Exception {
    return opened(
        new KeyedOneInputOperatorHarness<>(
            new KeyedProcessOperator<>(function), keySelector, keyType));
  }

  public static <IN, OUT> OneInputOperatorHarness<IN, OUT> forMap(MapFunction<IN, OUT> function)
      throws Exception {
    return opened(new OneInputOperatorHarness<>(new StreamMap<>(function)));
  }

  public static <IN, OUT> OneInputOperatorHarness<IN, OUT> forFlatMap(
      FlatMapFunction<IN, OUT> function) throws Exception {
    return opened(new OneInputOperatorHarness<>(new StreamFlatMap<>(function)));
  }

  public static <T> OneInputOperatorHarness<T, T> forFilter(FilterFunction<T> function)
      throws Exception {
    return opened(new OneInputOperatorHarness<>(new StreamFilter<>(function)));
  }

  /**
   * A rolling keyed reduce, as {@code keyBy(keySelector).reduce(function)}.
   *
   * @param valueType the element type, for the serializer of the reduced state
   */
  public static <K, T> KeyedOneInputOperatorHarness<K, T, T> forKeyedReduce(
      ReduceFunction<T> function, KeySelector<T, K> keySelector, Type keyType, Type valueType)
      throws Exception {
    return opened(
        new KeyedOneInputOperatorHarness<>(
            new KeyedReduceOperator<>(function, TypeSerializers.forType(valueType)),
            keySelector,
            keyType));
  }

  private static <H extends OperatorHarness<?>> H opened(H harness) throws Exception {
    harness.open();
    return harness;
  }
}
