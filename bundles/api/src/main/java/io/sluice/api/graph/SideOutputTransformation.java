package io.sluice.api.graph;

import io.sluice.api.functions.OutputTag;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A virtual node selecting one side output of its input; becomes an edge property when compiled.
 */
public final class SideOutputTransformation<T> extends Transformation<T> {
  private final Transformation<?> input;
  private final OutputTag<T> tag;

  public SideOutputTransformation(int id, Transformation<?> input, OutputTag<T> tag) {
    super(id, "side-output:" + tag.getId());
    this.input = input;
    this.tag = tag;
  }

  public Transformation<?> getInput() {
    return input;
  }

  public OutputTag<T> getTag() {
    return tag;
  }

  @Override
  public Type getOutputType() {
    return tag.getType();
  }

  @Override
  public boolean hasOutputType() {
    return true;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
