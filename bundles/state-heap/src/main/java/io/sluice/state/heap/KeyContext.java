package io.sluice.state.heap;

import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import java.util.Objects;

/**
 * The current key of one keyed backend and its key group, shared by all of the backend's state
 * tables so that the key group is computed once per key, not once per state access. Also the one
 * place that knows whether the backend is closed. Confined to the task thread.
 */
final class KeyContext<K> {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final String owner;
  private K currentKey;
  private int currentKeyGroup = -1;
  private boolean closed;

  /**
   * @param owner who holds the state, e.g. "operator 'sum' (subtask 1) of job 'j'", for errors
   */
  KeyContext(KeyGroupRange keyGroupRange, int maxParallelism, String owner) {
    this.keyGroupRange = keyGroupRange;
    this.maxParallelism = maxParallelism;
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
    currentKey = key;
    currentKeyGroup = keyGroup;
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
   * The index of the current key's group within the range, for a state access; fails if the backend
   * is closed or no key is current.
   */
  int currentKeyGroupIndex(String stateName) {
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
    return currentKeyGroup - keyGroupRange.startKeyGroup();
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

  void close() {
    closed = true;
    currentKey = null;
    currentKeyGroup = -1;
  }
}
