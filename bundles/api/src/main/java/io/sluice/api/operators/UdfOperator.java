package io.sluice.api.operators;

import io.sluice.api.functions.Function;
import io.sluice.api.functions.RichFunction;

/**
 * An operator around one user function: opens and closes it if it is a {@link RichFunction}. The
 * function instance is this subtask's own copy.
 */
public abstract class UdfOperator<F extends Function, OUT> extends AbstractStreamOperator<OUT> {
  protected final F function;

  protected UdfOperator(F function) {
    this.function = function;
  }

  @Override
  public void open() throws Exception {
    if (function instanceof RichFunction rich) {
      rich.open(context.getRuntimeContext());
    }
  }

  @Override
  public void close() throws Exception {
    if (function instanceof RichFunction rich) {
      rich.close();
    }
  }

  public F getFunction() {
    return function;
  }
}
