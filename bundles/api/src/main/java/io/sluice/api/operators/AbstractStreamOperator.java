package io.sluice.api.operators;

/**
 * Keeps the context and output of an operator and forwards watermarks. The one convenience base for
 * operators; subclasses add element processing.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {
  protected OperatorContext context;
  protected Output<OUT> output;

  @Override
  public void setup(OperatorContext context, Output<OUT> output) {
    this.context = context;
    this.output = output;
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    output.emitWatermark(watermark);
  }
}
