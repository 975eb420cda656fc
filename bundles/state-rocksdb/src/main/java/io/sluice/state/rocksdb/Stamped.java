package io.sluice.state.rocksdb;

/**
 * A value read back from RocksDB with its time-to-live timestamp (0 for states without one).
 *
 * @param timestamp milliseconds of the state's {@link io.sluice.api.state.TtlTimeProvider}
 */
record Stamped<V>(V value, long timestamp) {}
