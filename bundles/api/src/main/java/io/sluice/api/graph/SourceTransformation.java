package io.sluice.api.graph;

import io.sluice.api.connector.source.Source;
import io.sluice.api.eventtime.WatermarkStrategy;
import java.lang.reflect.Type;
import java.util.List;

/** Reads a {@link Source}; the start of every dataflow. */
public final class SourceTransformation<T> extends Transformation<T> {
  private final Source<T, ?, ?> source;
  private final WatermarkStrategy<T> watermarkStrategy;

  public SourceTransformation(
      int id,
      String name,
      Type outputType,
      Source<T, ?, ?> source,
      WatermarkStrategy<T> watermarkStrategy) {
    super(id, name);
    setOutputType(outputType);
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
  }

  public Source<T, ?, ?> getSource() {
    return source;
  }

  public WatermarkStrategy<T> getWatermarkStrategy() {
    return watermarkStrategy;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of();
  }
}
