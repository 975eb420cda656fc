package io.sluice.api.connector.sink;

import io.sluice.api.typeutils.JavaObjectSerializer;
import io.sluice.api.typeutils.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;

/**
 * Marks a sink whose writers are {@link StatefulSinkWriter}s: after a failure the runtime recreates
 * each writer with {@link #restoreWriter} from the states the writers returned at the checkpoint it
 * restores, instead of {@link Sink#createWriter}.
 *
 * @param <T> the elements written
 * @param <WriterStateT> the state of one writer
 */
public interface SupportsWriterState<T, WriterStateT> {

  /**
   * A writer that continues from {@code recoveredState}: the items the writers of the restored
   * checkpoint returned from {@link StatefulSinkWriter#snapshotState}, redistributed evenly when
   * the parallelism changed, so a writer may get another subtask's items, several subtasks' items
   * or none.
   */
  StatefulSinkWriter<T, WriterStateT> restoreWriter(
      Sink.InitContext context, Collection<WriterStateT> recoveredState) throws IOException;

  /**
   * Serializes writer states in checkpoints: Java serialization through the job's loader by
   * default, so a {@link java.io.Serializable} state needs nothing more. Override to evolve the
   * state's format with versions.
   */
  default SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer(
      ClassLoader userClassLoader) {
    return new JavaObjectSerializer<>(userClassLoader);
  }
}
