package io.sluice.state.rocksdb;

/**
 * What a periodic checkpoint of a RocksDB keyed backend writes. Savepoints are canonical whatever
 * this says, so a backend swap or a restore at another parallelism always finds a format every
 * backend reads.
 */
public enum CheckpointFormat {
  /**
   * The backend-independent canonical format, read from a RocksDB snapshot: any backend restores
   * it, at the price of iterating and rewriting every entry at every checkpoint.
   */
  CANONICAL,

  /**
   * The files of a RocksDB checkpoint (SST files, MANIFEST, CURRENT, OPTIONS), every file uploaded
   * as a piece of this checkpoint: a flush and a file copy instead of an iteration. Only the
   * RocksDB backend restores it.
   */
  NATIVE_FULL,

  /**
   * Like {@link #NATIVE_FULL}, but an SST file uploaded once is shared by later checkpoints that
   * still reference it, so a checkpoint uploads only the files that are new since the last one.
   */
  NATIVE_INCREMENTAL;

  /** The name in configuration: {@code canonical}, {@code native} or {@code incremental}. */
  public String configName() {
    return switch (this) {
      case CANONICAL -> "canonical";
      case NATIVE_FULL -> "native";
      case NATIVE_INCREMENTAL -> "incremental";
    };
  }

  /** The format named {@code name} in configuration (case-insensitive), or null if none is. */
  static CheckpointFormat ofConfigName(String name) {
    for (CheckpointFormat format : values()) {
      if (format.configName().equalsIgnoreCase(name.trim())) {
        return format;
      }
    }
    return null;
  }
}
