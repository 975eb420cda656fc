package io.sluice.api.functions;

/**
 * Turns each element into zero or more elements. A lambda needs {@code .returns(...)} because Java
 * erases the collector's type argument: {@code lines.flatMap((String l, Collector<String> out) ->
 * ...) .returns(String.class)}.
 */
@FunctionalInterface
public interface FlatMapFunction<IN, OUT> extends Function {
  void flatMap(IN value, Collector<OUT> out) throws Exception;
}
