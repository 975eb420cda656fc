package io.sluice.bench.common;

/**
 * Which keyed state backend a job runs on. Each engine maps it to its own backend: Sluice's {@code
 * HeapStateBackend} or {@code RocksDbStateBackend}, Flink's {@code hashmap} or {@code rocksdb}
 * ({@code EmbeddedRocksDBStateBackend}).
 */
public enum StateBackendKind {
  /** Objects on the JVM heap. */
  HEAP,
  /** Serialized state in an embedded RocksDB instance on local disk. */
  ROCKSDB;

  /**
   * The RocksDB memory budget both engines get unless told otherwise: Sluice's block cache (which
   * the memtables are charged against), Flink's managed memory per slot.
   */
  public static final long ROCKSDB_MEMORY_MB = 64;
}
