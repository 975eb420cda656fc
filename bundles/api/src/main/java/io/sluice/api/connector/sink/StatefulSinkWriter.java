package io.sluice.api.connector.sink;

import java.io.IOException;
import java.util.List;

/**
 * A writer that keeps state across checkpoints, such as buffered records or the counter that names
 * its next output file. Its sink implements {@link SupportsWriterState}, which recreates the writer
 * from that state after a failure. Used only from the subtask's thread.
 *
 * @param <T> the elements written
 * @param <WriterStateT> the state of one writer
 */
public interface StatefulSinkWriter<T, WriterStateT> extends SinkWriter<T> {

  /**
   * The writer's state for checkpoint {@code checkpointId}, taken on the task thread while the
   * barrier passes, after {@link #flush} and (for a committing writer) {@code prepareCommit}. The
   * returned items must not change afterwards; on restore they may be split across subtasks when
   * the parallelism changed.
   */
  List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
