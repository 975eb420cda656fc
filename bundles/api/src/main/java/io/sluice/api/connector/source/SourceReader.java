package io.sluice.api.connector.source;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits assigned to one subtask. Called only from that subtask's thread; {@link
 * #pollNext} must not block, so the task stays responsive.
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {

  void start() throws Exception;

  /** Emits at most a few elements and says whether more are available. */
  InputStatus pollNext(ReaderOutput<T> output) throws Exception;

  /** Completes when {@link #pollNext} may have something again. */
  CompletableFuture<Void> isAvailable();

  void addSplits(List<SplitT> splits);

  void notifyNoMoreSplits();

  /** The unfinished splits with their current positions. */
  List<SplitT> snapshotState(long checkpointId);

  @Override
  default void close() throws Exception {}
}
