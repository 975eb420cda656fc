package io.sluice.runtime.graph;

import io.sluice.api.graph.Partitioning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chains operators into tasks: an edge is chained when it is FORWARD, carries the main output, both
 * ends have the same parallelism, and the target has no other input. Chained operators hand objects
 * to each other; all other edges go through the shuffle as bytes.
 */
public final class JobGraphCompiler {
  private JobGraphCompiler() {}

  public static boolean isChainable(StreamGraph graph, StreamEdge edge) {
    StreamNode source = graph.node(edge.source());
    StreamNode target = graph.node(edge.target());
    return edge.partitioning() == Partitioning.FORWARD
        && edge.sideOutput() == null
        && source.parallelism() == target.parallelism()
        && target.inputs().size() == 1;
  }

  public static JobGraph compile(StreamGraph graph) {
    Map<Integer, JobVertex> vertexOfNode = new HashMap<>();
    Map<Integer, JobVertex> vertices = new LinkedHashMap<>();
    for (StreamNode node : graph.allNodes()) {
      boolean isHead = node.inputs().isEmpty() || !isChainable(graph, node.inputs().get(0));
      if (!isHead) {
        continue;
      }
      List<StreamNode> chain = new ArrayList<>();
      List<StreamEdge> outputs = new ArrayList<>();
      collectChain(graph, node, chain, outputs);
      JobVertex vertex = new JobVertex(node.id(), node, chain, node.inputs(), outputs);
      vertices.put(node.id(), vertex);
      for (StreamNode member : chain) {
        vertexOfNode.put(member.id(), vertex);
      }
    }
    return new JobGraph(graph, List.copyOf(vertices.values()), vertexOfNode);
  }

  private static void collectChain(
      StreamGraph graph, StreamNode node, List<StreamNode> chain, List<StreamEdge> networkOutputs) {
    chain.add(node);
    for (StreamEdge edge : node.outputs()) {
      if (isChainable(graph, edge)) {
        collectChain(graph, graph.node(edge.target()), chain, networkOutputs);
      } else {
        networkOutputs.add(edge);
      }
    }
  }
}
