package io.sluice.runtime.graph;

import java.util.List;

/**
 * A task of the job: a chain of operators connected by forward edges at equal parallelism, run by
 * one thread per subtask.
 *
 * @param id the id of the head node
 * @param head the first operator of the chain
 * @param chainedNodes every node of the chain, head first, each after its chain predecessor
 * @param inputs network edges into the head
 * @param outputs network edges leaving any node of the chain
 */
public record JobVertex(
    int id,
    StreamNode head,
    List<StreamNode> chainedNodes,
    List<StreamEdge> inputs,
    List<StreamEdge> outputs) {

  public int parallelism() {
    return head.parallelism();
  }

  /** "Source: lines -> FlatMap -> ...", as Flink names chained tasks. */
  public String name() {
    StringBuilder name = new StringBuilder();
    for (StreamNode node : chainedNodes) {
      if (name.length() > 0) {
        name.append(" -> ");
      }
      name.append(node.name());
    }
    return name.toString();
  }
}
