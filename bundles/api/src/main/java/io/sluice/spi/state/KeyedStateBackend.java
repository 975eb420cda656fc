package io.sluice.spi.state;

import io.sluice.api.state.KeyedStateStore;

/**
 * The keyed state of one operator in one subtask. The runtime sets the current key before every
 * record or timer; state handles obtained through {@link KeyedStateStore} read and write the value
 * of that key. Confined to the task thread that owns the operator.
 */
public interface KeyedStateBackend<K> extends KeyedStateStore, AutoCloseable {

  /** Makes {@code key} current; its key group must lie in this backend's range. */
  void setCurrentKey(K key);

  /** The current key, or null before the first {@link #setCurrentKey}. */
  K getCurrentKey();

  /** The key group of the current key. */
  int getCurrentKeyGroup();

  /** The key groups this backend covers. */
  KeyGroupRange getKeyGroupRange();

  /** Releases everything the backend holds; state handles must not be used afterwards. */
  @Override
  void close();
}
