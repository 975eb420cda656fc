package io.sluice.api.operators;

import io.sluice.api.functions.TimerService;

/**
 * The {@link TimerService} of a non-keyed operator: it tells the time, but refuses timers because a
 * timer fires for a key. Shared by the process operators of non-keyed streams, on the task thread
 * only.
 */
final class UnkeyedTimers implements TimerService {
  private final OperatorContext context;
  private final String refusal;

  /**
   * @param refusal why timers are refused and what to use instead; the error message, followed by
   *     the operator's description
   */
  UnkeyedTimers(OperatorContext context, String refusal) {
    this.context = context;
    this.refusal = refusal;
  }

  @Override
  public long currentProcessingTime() {
    return context.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return context.currentWatermark();
  }

  @Override
  public void registerEventTimeTimer(long time) {
    throw timersNeedKeys();
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    throw timersNeedKeys();
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    throw timersNeedKeys();
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    throw timersNeedKeys();
  }

  private UnsupportedOperationException timersNeedKeys() {
    return new UnsupportedOperationException(refusal + " in " + context.getOperatorDescription());
  }
}
