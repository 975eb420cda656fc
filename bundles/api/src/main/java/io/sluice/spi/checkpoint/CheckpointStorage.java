package io.sluice.spi.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where checkpoint data and metadata are kept. Registered as an OSGi service by a storage bundle
 * with the service property {@value #NAME_PROPERTY}; the runtime selects one by the configured
 * {@code checkpoint.storage}. Handles name their storage so older checkpoints stay readable.
 */
@ProviderType
public interface CheckpointStorage {

  /** Service property naming the storage ("fs", "memory"). */
  String NAME_PROPERTY = "sluice.checkpoint.storage";

  String name();

  /** Opens a stream for one piece of state of a checkpoint; closing it makes the piece durable. */
  OutputStream createStateStream(String jobId, long checkpointId, String pieceName)
      throws IOException;

  /** Reads a piece written by {@link #createStateStream}. */
  InputStream openStateStream(String jobId, long checkpointId, String pieceName) throws IOException;

  /** Writes the checkpoint's metadata atomically; a checkpoint is complete once this returns. */
  void commitMetadata(String jobId, long checkpointId, byte[] metadata) throws IOException;

  /** Reads committed metadata, failing clearly if it is missing or corrupt. */
  byte[] readMetadata(String jobId, long checkpointId) throws IOException;

  /** The completed checkpoints of a job, oldest first. */
  List<Long> completedCheckpoints(String jobId) throws IOException;

  /** Deletes a checkpoint and everything only it references. */
  void discard(String jobId, long checkpointId) throws IOException;
}
