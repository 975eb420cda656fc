package io.sluice.runtime.task;

import io.sluice.api.functions.OutputTag;
import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.api.operators.Output;

/**
 * Hands elements to the next operator of the chain as objects (no copy, no serialization).
 *
 * <p>Every chain edge gets its own copy of this class ({@link ChainedOutputFactory}), so that the
 * call to the next operator below is a call site of its own: with one shared class, that site sees
 * every operator type of the chain, the JIT gives up on inlining it (a megamorphic interface call
 * per element and operator), and a chain of cheap functions spends most of its time dispatching.
 * Keep this class free of static state: each copy would have its own.
 *
 * <p>Confined to the task thread.
 */
final class ChainedOutput<T> implements Output<T>, Outputs.StatusOutput {
  private final OperatorHandle<T, ?> next;
  private final OneInputStreamOperator<T, ?> direct;

  ChainedOutput(OperatorHandle<T, ?> next) {
    this.next = next;
    this.direct = next.directInput();
  }

  @Override
  public void collect(T value, long timestamp) {
    if (direct == null) {
      next.processElement(value, timestamp);
      return;
    }
    try {
      direct.processElement(value, timestamp);
    } catch (OperatorException e) {
      throw e; // raised further down the chain, already named
    } catch (Exception e) {
      throw next.failure(e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    // main-output edges only: side outputs are routed by Outputs.Routing
  }

  @Override
  public void emitWatermark(long watermark) {
    next.processWatermark(watermark);
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    next.processWatermarkStatus(idle);
  }
}
