package io.sluice.api.graph;

import io.sluice.api.connector.sink.Sink;
import java.util.List;

/** Writes its input to a {@link Sink}; the end of a dataflow. */
public final class SinkTransformation<T> extends Transformation<Void> {
  private final Transformation<T> input;
  private final Sink<T> sink;

  public SinkTransformation(int id, String name, Transformation<T> input, Sink<T> sink) {
    super(id, name);
    this.input = input;
    this.sink = sink;
    setOutputType(Void.class);
  }

  public Transformation<T> getInput() {
    return input;
  }

  public Sink<T> getSink() {
    return sink;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
