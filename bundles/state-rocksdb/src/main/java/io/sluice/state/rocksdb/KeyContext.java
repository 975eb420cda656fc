package io.sluice.state.rocksdb;

import io.sluice.api.state.StateAccessException;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.state.CurrentKeyContext;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateBackendParameters;
import java.io.IOException;

/**
 * The current key of one keyed backend ({@link CurrentKeyContext}: key group, range check, closed
 * flag) plus the bytes every state prefixes its RocksDB keys with: {@code key group (2 bytes,
 * big-endian) + serialized key}, computed once per {@link #setCurrentKey}, not once per access. The
 * key group first makes a database iterate group by group in ascending order. Confined to the task
 * thread.
 */
final class KeyContext<K> {
  /** Bytes of the key-group prefix; enough for the 32768 groups a short can count. */
  static final int KEY_GROUP_BYTES = 2;

  private final CurrentKeyContext<K> current;
  private final TypeSerializer<K> keySerializer;
  private final DataOutputSerializer out = new DataOutputSerializer(64);
  private byte[] currentKeyBytes;

  /**
   * @param keySerializer a serializer this context may keep to itself
   */
  KeyContext(KeyedStateBackendParameters<K> parameters, TypeSerializer<K> keySerializer) {
    this.current = new CurrentKeyContext<>(parameters);
    if (parameters.maxParallelism() > 1 << 15) {
      throw new IllegalArgumentException(
          "max parallelism "
              + parameters.maxParallelism()
              + " of "
              + current.owner()
              + " exceeds 32768 key groups");
    }
    this.keySerializer = keySerializer;
  }

  /** Serializes first, so that a key that cannot be serialized leaves the previous one current. */
  void setCurrentKey(K key) {
    out.clear();
    out.writeShort(0); // the key group, filled in below
    if (key != null) {
      current.checkOpen();
      try {
        keySerializer.serialize(key, out);
      } catch (IOException e) {
        throw new StateAccessException("cannot serialize key '" + key + "' of " + owner(), e);
      }
    }
    int keyGroup = current.setCurrentKey(key);
    byte[] bytes = out.copyOfBuffer();
    bytes[0] = (byte) (keyGroup >>> 8);
    bytes[1] = (byte) keyGroup;
    currentKeyBytes = bytes;
  }

  /** The current key, or null before the first {@link #setCurrentKey}. */
  K currentKey() {
    return current.currentKey();
  }

  int currentKeyGroup() {
    return current.currentKeyGroup();
  }

  /**
   * The current key's bytes (shared, never to be modified) for an access to state {@code
   * stateName}; fails if the backend is closed or no key is current.
   */
  byte[] currentKeyBytes(String stateName) {
    current.currentKeyGroupIndex(stateName);
    return currentKeyBytes;
  }

  TypeSerializer<K> keySerializer() {
    return keySerializer;
  }

  KeyGroupRange keyGroupRange() {
    return current.keyGroupRange();
  }

  String owner() {
    return current.owner();
  }

  void checkOpen() {
    current.checkOpen();
  }

  boolean isClosed() {
    return current.isClosed();
  }

  void close() {
    current.close();
    currentKeyBytes = null;
  }
}
