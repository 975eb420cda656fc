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

  /**
   * Takes the synchronous part of a snapshot on the task thread: a view of the state as it is now
   * that later changes do not affect, to be written out by {@link KeyedStateSnapshot#write}
   * (typically on another thread). For {@link SnapshotKind#SAVEPOINT} the view writes the {@link
   * KeyedStateHandle#CANONICAL} format.
   *
   * @throws UnsupportedOperationException if the backend cannot snapshot
   */
  default KeyedStateSnapshot snapshot(long checkpointId, SnapshotKind kind) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot take snapshots");
  }

  /**
   * Loads the state of the key groups in this backend's range from {@code handles} (in the
   * canonical format, or in this backend's native format), before the first state is used. After a
   * rescale the handles may cover more key groups than the range: the others are skipped. States
   * are restored under their names; a state is typed when the operator registers it again.
   *
   * @throws io.sluice.spi.checkpoint.CorruptCheckpointException when a piece does not verify
   * @throws IllegalArgumentException when a handle's format is unknown to this backend (the message
   *     names the format and what can read it)
   */
  default void restore(java.util.List<KeyedStateHandle> handles, StateStreamOpener opener)
      throws java.io.IOException {
    throw new UnsupportedOperationException(getClass().getName() + " cannot restore state");
  }
}
