package io.sluice.examples.hotitems;

import io.sluice.api.functions.AggregateFunction;

/** Counts the page views of an item in a window, one long per window instead of every event. */
final class CountViews implements AggregateFunction<UserBehavior, Long, Long> {
  private static final long serialVersionUID = 1L;

  @Override
  public Long createAccumulator() {
    return 0L;
  }

  @Override
  public Long add(UserBehavior value, Long accumulator) {
    return accumulator + 1;
  }

  @Override
  public Long getResult(Long accumulator) {
    return accumulator;
  }

  @Override
  public Long merge(Long a, Long b) {
    return a + b;
  }
}
