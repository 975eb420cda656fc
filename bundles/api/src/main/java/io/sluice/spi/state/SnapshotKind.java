package io.sluice.spi.state;

/** Why a snapshot is taken, which decides the format a backend may use. */
public enum SnapshotKind {
  /**
   * A periodic checkpoint: a backend may use its native format (RocksDB's incremental files) if it
   * is configured to, else the canonical one.
   */
  CHECKPOINT,
  /**
   * A savepoint (also the savepoint of a backend swap): always the canonical format, readable by
   * every backend and splittable by key group.
   */
  SAVEPOINT
}
