package io.sluice.state.rocksdb;

import io.sluice.api.state.StateAccessException;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import java.io.IOException;
import java.util.Objects;

/**
 * The current key of one keyed backend as the bytes every state prefixes its RocksDB keys with:
 * {@code key group (2 bytes, big-endian) + serialized key}. Computed once per {@link
 * #setCurrentKey}, not once per access; the key group first makes a database iterate group by group
 * in ascending order. Also the one place that knows whether the backend is closed. Confined to the
 * task thread.
 */
final class KeyContext<K> {
  /** Bytes of the key-group prefix; enough for the 32768 groups a short can count. */
  static final int KEY_GROUP_BYTES = 2;

  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final String owner;
  private final TypeSerializer<K> keySerializer;
  private final DataOutputSerializer out = new DataOutputSerializer(64);
  private K currentKey;
  private int currentKeyGroup = -1;
  private byte[] currentKeyBytes;
  private boolean closed;

  /**
   * @param owner who holds the state, e.g. "operator 'sum' (subtask 1) of job 'j'", for errors
   */
  KeyContext(
      KeyGroupRange keyGroupRange,
      int maxParallelism,
      TypeSerializer<K> keySerializer,
      String owner) {
    if (maxParallelism > 1 << 15) {
      throw new IllegalArgumentException(
          "max parallelism " + maxParallelism + " of " + owner + " exceeds 32768 key groups");
    }
    this.keyGroupRange = keyGroupRange;
    this.maxParallelism = maxParallelism;
    this.keySerializer = keySerializer;
    this.owner = owner;
  }

  void setCurrentKey(K key) {
    checkOpen();
    Objects.requireNonNull(key, () -> "keyed state of " + owner + " cannot hold a null key");
    int keyGroup = KeyGroups.assignToKeyGroup(key, maxParallelism);
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "key '"
              + key
              + "' belongs to key group "
              + keyGroup
              + ", outside the key groups ["
              + keyGroupRange.startKeyGroup()
              + ", "
              + keyGroupRange.endKeyGroup()
              + "] of "
              + owner
              + " (max parallelism "
              + maxParallelism
              + "); the record was routed to the wrong subtask: check that the partitioner and"
              + " the state use the same key and max parallelism, and that the key's hashCode"
              + " is deterministic");
    }
    out.clear();
    out.writeShort(keyGroup);
    try {
      keySerializer.serialize(key, out);
    } catch (IOException e) {
      throw new StateAccessException("cannot serialize key '" + key + "' of " + owner, e);
    }
    currentKey = key;
    currentKeyGroup = keyGroup;
    currentKeyBytes = out.copyOfBuffer();
  }

  /** The current key, or null before the first {@link #setCurrentKey}. */
  K currentKey() {
    return currentKey;
  }

  int currentKeyGroup() {
    checkOpen();
    if (currentKey == null) {
      throw new IllegalStateException("no current key is set in the keyed state of " + owner);
    }
    return currentKeyGroup;
  }

  /**
   * The current key's bytes (shared, never to be modified) for an access to state {@code
   * stateName}; fails if the backend is closed or no key is current.
   */
  byte[] currentKeyBytes(String stateName) {
    checkOpen();
    if (currentKey == null) {
      throw new IllegalStateException(
          "state '"
              + stateName
              + "' of "
              + owner
              + " was accessed with no current key; keyed state can only be used while a keyed"
              + " record or timer is processed");
    }
    return currentKeyBytes;
  }

  TypeSerializer<K> keySerializer() {
    return keySerializer;
  }

  KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  String owner() {
    return owner;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "the keyed state of " + owner + " is closed; its state handles can no longer be used");
    }
  }

  boolean isClosed() {
    return closed;
  }

  void close() {
    closed = true;
    currentKey = null;
    currentKeyGroup = -1;
    currentKeyBytes = null;
  }
}
