package io.sluice.api.connector.sink;

import java.io.IOException;
import java.io.Serializable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a stream ends. Each parallel subtask gets a {@link SinkWriter}; a sink that also implements
 * {@link SupportsCommitter} has the writers' committables committed once the data is final (at the
 * end of a bounded input now, on checkpoint completion with checkpointing).
 */
@ConsumerType
public interface Sink<T> extends Serializable {

  SinkWriter<T> createWriter(InitContext context) throws IOException;

  /**
   * Tells a writer where it runs.
   *
   * @param jobId the job
   * @param subtaskIndex this writer's subtask, from 0
   * @param parallelism the number of writers
   */
  record InitContext(String jobId, int subtaskIndex, int parallelism) {}
}
