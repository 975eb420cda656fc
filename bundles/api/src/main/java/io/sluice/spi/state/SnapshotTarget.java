package io.sluice.spi.state;

import io.sluice.spi.checkpoint.StateOutputStream;
import java.io.IOException;

/**
 * Where a snapshot of one operator subtask writes its pieces: a view of the checkpoint storage
 * scoped to one checkpoint and one operator subtask (piece names need only be unique within the
 * subtask's snapshot). Confined to the thread writing the snapshot.
 */
public interface SnapshotTarget {

  long checkpointId();

  SnapshotKind kind();

  /** Opens a new piece; {@code name} is letters, digits, {@code . _ -}. */
  StateOutputStream createPiece(String name) throws IOException;

  /**
   * Opens a piece that later snapshots of the same operator subtask may reference again instead of
   * writing it anew (RocksDB's immutable SST files in incremental checkpoints). The storage keeps
   * it as long as a retained checkpoint references it. {@code name} must be unique for the job's
   * lifetime within the operator subtask (backends put an instance id into it).
   *
   * @throws UnsupportedOperationException if the storage cannot share pieces between checkpoints
   */
  default StateOutputStream createSharedPiece(String name) throws IOException {
    throw new UnsupportedOperationException(
        "this checkpoint target cannot share pieces between checkpoints; disable incremental"
            + " checkpoints (state.backend.incremental=false)");
  }
}
