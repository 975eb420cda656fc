package io.sluice.state.heap;

import io.sluice.spi.state.CurrentKeyContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

/**
 * The contents of one registered state: one hash table per key group of the backend's range,
 * mapping each key to what the state holds for it ({@code S} is the value, the list or the map).
 * Splitting by key group lets a snapshot write the state group by group in order and a restore take
 * any subset of groups when a job is rescaled.
 *
 * <p>Reads and writes of the same key while it is current cost one hash lookup in all (every
 * read-modify-write: reduce, aggregate, a counter in a {@code ValueState}; a window operator
 * reading its key's windows once per window): the table remembers the slot its last lookup found,
 * and a later read or write while that key is still current (no {@code setCurrentKey} since) reuses
 * it as long as the group's table has not changed its structure since (see {@link
 * KeyGroupMap#structureVersion()}).
 *
 * <p>Absent and empty are the same: callers never store an empty list or map, so a cleared key
 * costs no memory. The table is itself the plain {@link ValueCell} of value-like states. Confined
 * to the task thread.
 */
final class StateTable<K, S> implements ValueCell<S> {
  private final StateMetaInfo metaInfo;
  // A copy of metaInfo.name(), for error messages: read on every access, and C2 declined to inline
  // the record accessor there (-XX:+LogCompilation: "unloaded signature classes").
  private final String stateName;
  private final CurrentKeyContext<K> keyContext;
  private KeyGroupMap<K, S>[] keyGroups;

  // The last lookup: for which current key (CurrentKeyContext.keyVersion), which slot it found (-1:
  // absent) and the structure version of the group's table then. Only numbers: a reference to the
  // key or the group would cost a GC write barrier with a memory fence per access.
  private long lastKeyVersion = -1;
  private int lastSlot = -1;
  private int lastStructureVersion;

  @SuppressWarnings("unchecked")
  StateTable(StateMetaInfo metaInfo, CurrentKeyContext<K> keyContext) {
    this.metaInfo = metaInfo;
    this.stateName = metaInfo.name();
    this.keyContext = keyContext;
    int size = keyContext.keyGroupRange().size();
    this.keyGroups = new KeyGroupMap[size];
    for (int i = 0; i < size; i++) {
      keyGroups[i] = new KeyGroupMap<>();
    }
  }

  @Override
  public StateMetaInfo metaInfo() {
    return metaInfo;
  }

  /** What the state holds for the current key, or null. */
  @Override
  public S get() {
    KeyGroupMap<K, S> group = currentGroup();
    if (lastLookupHolds(group)) {
      // the same key as the last lookup, nothing inserted or removed since: operators read the
      // same state several times per record (a window operator once per window of the element)
      return lastSlot < 0 ? null : group.valueAt(lastSlot);
    }
    int slot = group.find(keyContext.currentKey(), keyContext.currentKeyHash());
    remember(group, slot);
    return slot < 0 ? null : group.valueAt(slot);
  }

  /** Sets what the state holds for the current key; {@code state} is never null nor empty. */
  @Override
  public void put(S state) {
    KeyGroupMap<K, S> group = currentGroup();
    if (lastSlot >= 0 && lastLookupHolds(group)) {
      group.setValueAt(lastSlot, state);
    } else {
      putLookingUp(group, state);
    }
  }

  // Apart from put so that put stays small enough for the JIT to inline into the operators.
  private void putLookingUp(KeyGroupMap<K, S> group, S state) {
    K key = keyContext.currentKey();
    remember(group, group.put(key, keyContext.currentKeyHash(), Objects.requireNonNull(state)));
  }

  /** Drops the current key's entry. */
  @Override
  public void remove() {
    KeyGroupMap<K, S> group = currentGroup();
    if (lastLookupHolds(group)) {
      // a state emptied by a read-modify-write (a window's contents removed when it fires)
      if (lastSlot >= 0) {
        group.removeAt(lastSlot);
        remember(group, -1);
      }
    } else {
      group.remove(keyContext.currentKey(), keyContext.currentKeyHash());
    }
  }

  /**
   * Drops the current key's entry if it is still {@code state}: for views that emptied a list or
   * map in place after the entry was read.
   */
  void removeIfSame(S state) {
    KeyGroupMap<K, S> group = currentGroup();
    int hash = keyContext.currentKeyHash();
    int slot = group.find(keyContext.currentKey(), hash);
    if (slot >= 0 && group.valueAt(slot) == state) {
      group.remove(keyContext.currentKey(), hash);
    }
  }

  /** The number of keys with an entry, over all key groups. */
  int numberOfEntries() {
    keyContext.checkOpen();
    int entries = 0;
    for (KeyGroupMap<K, S> group : keyGroups) {
      entries += group.size();
    }
    return entries;
  }

  /** The keys with an entry, key group by key group in ascending order; read-only. */
  Iterable<K> keys() {
    keyContext.checkOpen();
    return () ->
        Arrays.stream(keyGroups)
            .flatMap(
                group ->
                    StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(group.keyIterator(), 0), false))
            .iterator();
  }

  /**
   * A copy of the tables of all key groups that later writes do not affect, for a snapshot: the
   * per-group tables are copied, and for list and map state also the lists and maps they hold (the
   * state handles change those in place); stored values themselves are shared, as they are never
   * changed in place.
   */
  @SuppressWarnings("unchecked")
  List<KeyGroupMap<K, Object>> copyForSnapshot() {
    keyContext.checkOpen();
    boolean copyContainers = !metaInfo.isValueLike();
    List<KeyGroupMap<K, Object>> copy = new ArrayList<>(keyGroups.length);
    for (KeyGroupMap<K, S> group : keyGroups) {
      KeyGroupMap<K, Object> groupCopy = (KeyGroupMap<K, Object>) group.copy();
      if (copyContainers) {
        groupCopy.replaceValues(
            stored ->
                stored instanceof List<?> list
                    ? new ArrayList<>(list)
                    : new HashMap<>((Map<?, ?>) stored));
      }
      copy.add(groupCopy);
    }
    return copy;
  }

  /**
   * Stores a restored entry of {@code keyGroup}, which must lie in the backend's range: for a
   * restore, which writes tables directly, without a current key.
   */
  @SuppressWarnings("unchecked")
  void putRestored(int keyGroup, K key, Object stored) {
    KeyGroupMap<K, S> group = keyGroups[keyGroup - keyContext.keyGroupRange().startKeyGroup()];
    group.put(key, key.hashCode(), (S) stored);
  }

  @SuppressWarnings("unchecked")
  void dispose() {
    keyGroups = new KeyGroupMap[0];
    lastSlot = -1;
  }

  /** Whether the last lookup was for the current key and {@code group} has not changed since. */
  private boolean lastLookupHolds(KeyGroupMap<K, S> group) {
    return lastKeyVersion == keyContext.keyVersion()
        && group.structureVersion() == lastStructureVersion;
  }

  private void remember(KeyGroupMap<K, S> group, int slot) {
    lastKeyVersion = keyContext.keyVersion();
    lastSlot = slot;
    lastStructureVersion = group.structureVersion();
  }

  private KeyGroupMap<K, S> currentGroup() {
    return keyGroups[keyContext.currentKeyGroupIndex(stateName)];
  }
}
