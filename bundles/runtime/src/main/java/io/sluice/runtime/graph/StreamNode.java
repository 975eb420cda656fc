package io.sluice.runtime.graph;

import io.sluice.api.graph.Transformation;
import java.util.ArrayList;
import java.util.List;

/**
 * One physical operator of the job (a source, an operator or a sink) with its resolved parallelism
 * and its edges. Built once by {@link StreamGraphBuilder}, then read only.
 */
public final class StreamNode {
  private final Transformation<?> transformation;
  private final int parallelism;
  final List<StreamEdge> inputs = new ArrayList<>();
  final List<StreamEdge> outputs = new ArrayList<>();

  StreamNode(Transformation<?> transformation, int parallelism) {
    this.transformation = transformation;
    this.parallelism = parallelism;
  }

  public int id() {
    return transformation.getId();
  }

  public String name() {
    return transformation.getName();
  }

  /** The uid if set, else a stable id derived from the position in the graph. */
  public String operatorId() {
    String uid = transformation.getUid();
    return uid != null ? uid : "op-" + transformation.getId();
  }

  public Transformation<?> transformation() {
    return transformation;
  }

  public int parallelism() {
    return parallelism;
  }

  public List<StreamEdge> inputs() {
    return inputs;
  }

  public List<StreamEdge> outputs() {
    return outputs;
  }

  @Override
  public String toString() {
    return name() + "#" + id() + "(p=" + parallelism + ")";
  }
}
