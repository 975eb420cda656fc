package io.sluice.state.heap;

import io.sluice.spi.state.CurrentKeyContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of one registered state: one hash table per key group of the backend's range,
 * mapping each key to what the state holds for it ({@code S} is the value, the list or the map).
 * Splitting by key group lets a snapshot write the state group by group in order and a restore take
 * any subset of groups when a job is rescaled.
 *
 * <p>Absent and empty are the same: callers never store an empty list or map, so a cleared key
 * costs no memory. The table is itself the plain {@link ValueCell} of value-like states. Confined
 * to the task thread.
 *
 * <p>The table remembers the entry of the last key it looked up or wrote: operators touch the same
 * state several times per record (a window operator reads and writes each window of the element's
 * key; a process function reads, then updates), and the current key is then the very same object,
 * so an identity check replaces the key group's hash lookup. Every write goes through the table and
 * updates the remembered entry; a restore or dispose forgets it.
 */
final class StateTable<K, S> implements ValueCell<S> {
  private final StateMetaInfo metaInfo;
  private final CurrentKeyContext<K> keyContext;
  private final List<Map<K, S>> keyGroups;

  /** The key last looked up or written (compared by identity), or null. */
  private K cachedKey;

  /** What the table holds for {@link #cachedKey}, null if nothing. */
  private S cachedState;

  StateTable(StateMetaInfo metaInfo, CurrentKeyContext<K> keyContext) {
    this.metaInfo = metaInfo;
    this.keyContext = keyContext;
    int size = keyContext.keyGroupRange().size();
    this.keyGroups = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      keyGroups.add(new HashMap<>());
    }
  }

  @Override
  public StateMetaInfo metaInfo() {
    return metaInfo;
  }

  /** What the state holds for the current key, or null. */
  @Override
  public S get() {
    K key = keyContext.currentKey();
    if (key != null && key == cachedKey) {
      return cachedState;
    }
    S state = currentGroup().get(key);
    remember(key, state);
    return state;
  }

  /** Sets what the state holds for the current key; {@code state} is never null nor empty. */
  @Override
  public void put(S state) {
    Objects.requireNonNull(state);
    K key = keyContext.currentKey();
    if (key != null && key == cachedKey && state == cachedState) {
      return; // already stored: the caller changed the stored list or map in place
    }
    currentGroup().put(key, state);
    remember(key, state);
  }

  /** Drops the current key's entry. */
  @Override
  public void remove() {
    K key = keyContext.currentKey();
    currentGroup().remove(key);
    remember(key, null);
  }

  /**
   * Drops the current key's entry if it is still {@code state}: for views that emptied a list or
   * map in place after the entry was read.
   */
  void removeIfSame(S state) {
    Map<K, S> group = currentGroup();
    K key = keyContext.currentKey();
    if (group.get(key) == state) {
      group.remove(key);
      remember(key, null);
    }
  }

  /** The number of keys with an entry, over all key groups. */
  int numberOfEntries() {
    keyContext.checkOpen();
    int entries = 0;
    for (Map<K, S> group : keyGroups) {
      entries += group.size();
    }
    return entries;
  }

  /** The keys with an entry, key group by key group in ascending order; read-only. */
  Iterable<K> keys() {
    keyContext.checkOpen();
    return () -> keyGroups.stream().flatMap(group -> group.keySet().stream()).iterator();
  }

  /**
   * A copy of the tables of all key groups that later writes do not affect, for a snapshot: the
   * per-group maps are copied, and for list and map state also the lists and maps they hold (the
   * state handles change those in place); stored values themselves are shared, as they are never
   * changed in place.
   */
  List<Map<K, Object>> copyForSnapshot() {
    keyContext.checkOpen();
    boolean copyContainers = !metaInfo.isValueLike();
    List<Map<K, Object>> copy = new ArrayList<>(keyGroups.size());
    for (Map<K, S> group : keyGroups) {
      Map<K, Object> groupCopy = new HashMap<>(group);
      if (copyContainers) {
        groupCopy.replaceAll(
            (key, stored) ->
                stored instanceof List<?> list
                    ? new ArrayList<>(list)
                    : new HashMap<>((Map<?, ?>) stored));
      }
      copy.add(groupCopy);
    }
    return copy;
  }

  /** The table of {@code keyGroup}, which must lie in the backend's range: for a restore. */
  @SuppressWarnings("unchecked")
  Map<K, Object> keyGroup(int keyGroup) {
    forget();
    return (Map<K, Object>) keyGroups.get(keyGroup - keyContext.keyGroupRange().startKeyGroup());
  }

  void dispose() {
    keyGroups.clear();
    forget();
  }

  private void remember(K key, S state) {
    cachedKey = key;
    cachedState = state;
  }

  private void forget() {
    remember(null, null);
  }

  private Map<K, S> currentGroup() {
    return keyGroups.get(keyContext.currentKeyGroupIndex(metaInfo.name()));
  }
}
