package io.sluice.api.state;

import java.util.Map;

/**
 * Broadcast state as the broadcast side of the broadcast state pattern sees it: one map per
 * descriptor and subtask (not per key), the same in every subtask as long as it is changed only
 * from broadcast elements. Used only from the task thread.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
  void put(K key, V value) throws Exception;

  void putAll(Map<K, V> entries) throws Exception;

  void remove(K key) throws Exception;

  /** The entries, in no particular order; {@code remove} on their iterator removes the entry. */
  Iterable<Map.Entry<K, V>> entries() throws Exception;

  /** Removes every entry. */
  void clear();
}
