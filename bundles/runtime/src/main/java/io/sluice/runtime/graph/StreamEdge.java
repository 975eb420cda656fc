package io.sluice.runtime.graph;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.graph.Partitioning;

/**
 * A physical edge between two operators, with the partitioning resolved (never DEFAULT).
 *
 * @param id unique in the graph; names the result partitions of a network edge
 * @param source producing node id
 * @param target consuming node id
 * @param partitioning how elements are distributed
 * @param keySelector for HASH, else null
 * @param sideOutput the side output the edge carries, or null for the main output
 * @param inputIndex which input of the target the edge feeds (0, or 1 for a second input)
 */
public record StreamEdge(
    int id,
    int source,
    int target,
    Partitioning partitioning,
    KeySelector<?, ?> keySelector,
    OutputTag<?> sideOutput,
    int inputIndex) {

  /** The type of the elements on this edge: the side output's, or the source's output type. */
  public java.lang.reflect.Type elementType(StreamGraph graph) {
    return sideOutput != null
        ? sideOutput.getType()
        : graph.node(source).transformation().getOutputType();
  }
}
