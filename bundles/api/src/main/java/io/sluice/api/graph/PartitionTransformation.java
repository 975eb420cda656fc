package io.sluice.api.graph;

import io.sluice.api.functions.KeySelector;
import java.util.List;

/**
 * A virtual node that changes how its input is distributed (keyBy, rebalance, broadcast…); it
 * becomes an edge property when the runtime compiles the graph.
 */
public final class PartitionTransformation<T> extends Transformation<T> {
  private final Transformation<T> input;
  private final Partitioning partitioning;
  private final KeySelector<T, ?> keySelector;

  public PartitionTransformation(
      int id, Transformation<T> input, Partitioning partitioning, KeySelector<T, ?> keySelector) {
    super(id, partitioning.name().toLowerCase(java.util.Locale.ROOT));
    if ((partitioning == Partitioning.HASH) != (keySelector != null)) {
      throw new IllegalArgumentException("a key selector goes with HASH partitioning only");
    }
    this.input = input;
    this.partitioning = partitioning;
    this.keySelector = keySelector;
  }

  public Transformation<T> getInput() {
    return input;
  }

  public Partitioning getPartitioning() {
    return partitioning;
  }

  /** The key selector for HASH partitioning, else null. */
  public KeySelector<T, ?> getKeySelector() {
    return keySelector;
  }

  /** Same as the input's, resolved when asked (a later {@code returns} on the input counts). */
  @Override
  public java.lang.reflect.Type getOutputType() {
    return input.getOutputType();
  }

  @Override
  public boolean hasOutputType() {
    return input.hasOutputType();
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
