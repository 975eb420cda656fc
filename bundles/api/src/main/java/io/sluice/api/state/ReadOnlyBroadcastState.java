package io.sluice.api.state;

import java.util.Map;

/**
 * A read-only view of broadcast state: what the non-broadcast side of the broadcast state pattern
 * sees. It may not change the state, because only the broadcast side sees the same elements in
 * every subtask. Used only from the task thread.
 */
public interface ReadOnlyBroadcastState<K, V> {
  /** The value of {@code key}, or null. */
  V get(K key) throws Exception;

  boolean contains(K key) throws Exception;

  /** The entries, in no particular order; they cannot be changed through this iterable. */
  Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
