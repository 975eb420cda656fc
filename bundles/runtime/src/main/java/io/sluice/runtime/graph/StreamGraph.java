package io.sluice.runtime.graph;

import java.util.Collection;
import java.util.Map;

/** The physical operators of a job and the edges between them, in creation (topological) order. */
public record StreamGraph(String jobName, int maxParallelism, Map<Integer, StreamNode> nodes) {
  public StreamNode node(int id) {
    return nodes.get(id);
  }

  public Collection<StreamNode> allNodes() {
    return nodes.values();
  }
}
