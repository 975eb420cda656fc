package io.sluice.state.rocksdb;

/**
 * The one value a value-like state (value, reducing, aggregating) holds for the current key, stored
 * under the key's bytes; with a time-to-live, stamped, hidden once expired and deleted on the read
 * that finds it expired (the only cleanup: no thread scans the database). The state classes are
 * written once against this cell. Confined to the task thread.
 *
 * @param <V> the type of the value
 */
final class ValueCell<V> {
  private final StateColumn column;
  private final ValueCodec<V> codec;
  private final TtlPolicy policy;

  /**
   * @param policy the time-to-live, or null for none
   */
  ValueCell(StateColumn column, ValueCodec<V> codec, TtlPolicy policy) {
    this.column = column;
    this.codec = codec;
    this.policy = policy;
  }

  /** The current key's value for a read by the user: null if absent or expired. */
  V get() {
    return read(policy != null && policy.refreshOnRead());
  }

  /**
   * The current key's value for a read-modify-write that {@link #put}s (or {@link #remove}s) right
   * after: unlike {@link #get} it never restamps, since the write that follows does.
   */
  V getForUpdate() {
    return read(false);
  }

  /** Stores {@code value} (never null) for the current key. */
  void put(V value) {
    column.put(column.currentKey(), codec.encode(value, policy == null ? 0 : policy.now()));
  }

  void remove() {
    column.delete(column.currentKey());
  }

  String name() {
    return column.name();
  }

  private V read(boolean refresh) {
    byte[] key = column.currentKey();
    byte[] bytes = column.get(key);
    if (bytes == null) {
      return null;
    }
    Stamped<V> stored = codec.decode(bytes);
    if (policy != null) {
      long now = policy.now();
      if (policy.isExpired(stored.timestamp(), now)) {
        column.delete(key);
        return null;
      }
      if (refresh) {
        column.put(key, codec.encode(stored.value(), now));
      }
    }
    return stored.value();
  }
}
