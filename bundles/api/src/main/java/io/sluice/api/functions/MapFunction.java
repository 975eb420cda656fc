package io.sluice.api.functions;

/** Turns each element into exactly one element: {@code stream.map(s -> s.length())}. */
@FunctionalInterface
public interface MapFunction<IN, OUT> extends Function {
  OUT map(IN value) throws Exception;
}
