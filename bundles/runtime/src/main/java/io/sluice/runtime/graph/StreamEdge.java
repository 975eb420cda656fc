package io.sluice.runtime.graph;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.graph.Partitioning;

/**
 * A physical edge between two operators, with the partitioning resolved (never DEFAULT).
 *
 * @param id unique in the graph; names the result partitions of a network edge
 * @param source producing node id
 * @param target consuming node id
 * @param partitioning how elements are distributed
 * @param keySelector for HASH, else null
 */
public record StreamEdge(
    int id, int source, int target, Partitioning partitioning, KeySelector<?, ?> keySelector) {}
