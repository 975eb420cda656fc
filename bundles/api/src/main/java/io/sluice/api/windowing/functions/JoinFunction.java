package io.sluice.api.windowing.functions;

import io.sluice.api.functions.Function;

/**
 * Combines one element of each side of a window join whose keys are equal and that fell into the
 * same window: {@code (order, payment) -> new Paid(order.id(), payment.amount())}.
 */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
  OUT join(IN1 first, IN2 second) throws Exception;
}
