/**
 * The RocksDB state backend: keyed state as bytes in an embedded RocksDB per operator subtask, one
 * column family per state, keys ordered by key group. Private to the bundle; the runtime reaches it
 * only through the {@code StateBackend} service.
 */
package io.sluice.state.rocksdb;
