package io.sluice.api.connector.source;

/** A unit of source work (a file range, a topic partition), identified for checkpoints. */
public interface SourceSplit {
  String splitId();
}
