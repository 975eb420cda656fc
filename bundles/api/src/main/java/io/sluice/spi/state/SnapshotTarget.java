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
}
