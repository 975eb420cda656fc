package io.sluice.spi.state;

import java.io.IOException;

/**
 * A consistent view of a keyed state backend taken on the task thread ({@link
 * KeyedStateBackend#snapshot}), written out later, usually on another thread while the task goes on
 * processing: the asynchronous part of a checkpoint.
 */
public interface KeyedStateSnapshot {

  /** Writes the view's pieces to {@code target}; called at most once, from any one thread. */
  KeyedStateHandle write(SnapshotTarget target) throws IOException;

  /** Frees what the view holds (a RocksDB snapshot, copied tables); idempotent, any thread. */
  void release();
}
