package io.sluice.api.functions;

/** Combines two values of a key into one: {@code keyed.reduce((a, b) -> a + b)}. */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
  T reduce(T accumulated, T value) throws Exception;
}
