package io.sluice.api.connector.sink;

import io.sluice.api.typeutils.JavaObjectSerializer;
import io.sluice.api.typeutils.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * Marks a two-phase sink; its writers must be {@link CommittingSinkWriter}s. With checkpointing,
 * the committables a writer prepares at a checkpoint are kept in that checkpoint and committed once
 * it is complete; after a failure the restored ones are committed again, which the {@link
 * Committer} must tolerate.
 */
public interface SupportsCommitter<CommT> {
  Committer<CommT> createCommitter() throws IOException;

  /**
   * Serializes committables in checkpoints: Java serialization through the job's loader by default,
   * so a {@link java.io.Serializable} committable needs nothing more.
   */
  default SimpleVersionedSerializer<CommT> getCommittableSerializer(ClassLoader userClassLoader) {
    return new JavaObjectSerializer<>(userClassLoader);
  }
}
