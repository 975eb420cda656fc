package io.sluice.runtime.graph;

import java.util.List;
import java.util.Map;

/**
 * The tasks of a job and the network edges between them.
 *
 * @param streamGraph the operators
 * @param vertices tasks in topological order
 * @param vertexOfNode the task each node runs in
 */
public record JobGraph(
    StreamGraph streamGraph, List<JobVertex> vertices, Map<Integer, JobVertex> vertexOfNode) {

  public JobVertex vertexOf(int nodeId) {
    return vertexOfNode.get(nodeId);
  }
}
