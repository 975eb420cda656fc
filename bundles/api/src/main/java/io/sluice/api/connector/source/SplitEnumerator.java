package io.sluice.api.connector.source;

import java.util.List;

/**
 * Discovers splits and assigns them to readers. All methods are called from one coordinator thread,
 * so implementations need no locks.
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable {

  /** Called once before anything else; may fail with a clear error (e.g. a missing input file). */
  void start() throws Exception;

  /** Reader {@code subtaskId} wants work: assign a split or signal that there are no more. */
  void handleSplitRequest(int subtaskId);

  /** Splits a failed reader had taken come back for reassignment. */
  void addSplitsBack(List<SplitT> splits, int subtaskId);

  /** A reader registered. */
  void addReader(int subtaskId);

  CheckpointT snapshotState(long checkpointId) throws Exception;

  @Override
  default void close() throws Exception {}
}
