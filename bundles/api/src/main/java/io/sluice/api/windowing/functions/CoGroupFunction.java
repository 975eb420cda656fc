package io.sluice.api.windowing.functions;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.Function;

/**
 * Sees, per key and window, all elements of both sides of a window coGroup, also when one side has
 * none (an outer join is a coGroup that emits for empty sides too).
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, OUT> extends Function {
  void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
