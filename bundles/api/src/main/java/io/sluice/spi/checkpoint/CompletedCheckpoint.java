package io.sluice.spi.checkpoint;

import java.util.List;
import java.util.Objects;

/**
 * What a committed checkpoint holds: the coordinator's opaque metadata and the pieces it commits
 * with. The metadata array is the caller's to keep; do not modify it.
 */
public record CompletedCheckpoint(
    CheckpointHandle handle, List<StateHandle> pieces, byte[] metadata) {
  public CompletedCheckpoint {
    Objects.requireNonNull(handle, "handle");
    pieces = List.copyOf(pieces);
    Objects.requireNonNull(metadata, "metadata");
  }

  /** The checkpoint's id. */
  public long checkpointId() {
    return handle.checkpointId();
  }
}
