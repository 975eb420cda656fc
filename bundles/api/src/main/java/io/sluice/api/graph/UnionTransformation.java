package io.sluice.api.graph;

import java.util.List;

/** A virtual node merging streams of the same type; its inputs feed the next operator directly. */
public final class UnionTransformation<T> extends Transformation<T> {
  private final List<Transformation<T>> inputs;

  public UnionTransformation(int id, List<Transformation<T>> inputs) {
    super(id, "union");
    this.inputs = List.copyOf(inputs);
  }

  public List<Transformation<T>> getUnionInputs() {
    return inputs;
  }

  /** Same as the input's, resolved when asked (a later {@code returns} on the input counts). */
  @Override
  public java.lang.reflect.Type getOutputType() {
    return inputs.get(0).getOutputType();
  }

  @Override
  public boolean hasOutputType() {
    return inputs.get(0).hasOutputType();
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.copyOf(inputs);
  }
}
