package io.sluice.api.graph;

/** How elements travel from the subtasks of one operator to those of the next. */
public enum Partitioning {
  /** Subtask i to subtask i; lets the two operators be chained. Needs equal parallelism. */
  FORWARD,
  /** Round robin over all consumers. */
  REBALANCE,
  /** Uniformly at random over all consumers. */
  SHUFFLE,
  /** Every element to every consumer. */
  BROADCAST,
  /** By key group of the element's key (keyBy). */
  HASH,
  /**
   * FORWARD where the parallelism matches, else REBALANCE (what Flink does when nothing is said).
   */
  DEFAULT
}
