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
   * @param checkpointingEnabled whether the job takes checkpoints (a two-phase sink then commits on
   *     checkpoint completion, and may choose a layout for that, as the file sink does)
   */
  record InitContext(
      String jobId, int subtaskIndex, int parallelism, boolean checkpointingEnabled) {
    /** A context of a job without checkpoints. */
    public InitContext(String jobId, int subtaskIndex, int parallelism) {
      this(jobId, subtaskIndex, parallelism, false);
    }
  }
}
