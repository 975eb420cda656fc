package io.sluice.runtime.time;

import java.util.Objects;

/**
 * The timers of a {@link TimerQueue} by (time, key, namespace): a flat open-addressing table with
 * linear probing that keeps each timer's hash next to its reference, so a lookup compares ints
 * until a hash matches and only then reads a timer. A {@link java.util.HashMap} allocated a node
 * per timer and chased it on every lookup; with one timer per auction (NEXMark q4) that was a fifth
 * of the timers' cost. Deletion shifts the following entries of the probe run back, so no
 * tombstones build up. Confined to the task thread.
 *
 * @param <K> the key type
 */
final class TimerIndex<K> {
  private static final int INITIAL_CAPACITY = 16;

  private TimerQueue.Timer<K>[] timers = newTable(INITIAL_CAPACITY);
  private int[] hashes = new int[INITIAL_CAPACITY];
  private int mask = INITIAL_CAPACITY - 1;
  private int size;

  /** The hash every timer of ({@code time}, {@code key}, {@code namespace}) has. */
  static int hash(long time, Object key, Object namespace) {
    int h = 31 * (31 * Long.hashCode(time) + key.hashCode()) + Objects.hashCode(namespace);
    // spread the high bits, as keys with similar hash codes would otherwise share probe runs
    return h ^ (h >>> 16);
  }

  /** Adds {@code timer} unless an equal one is there; returns that one, or null if added. */
  TimerQueue.Timer<K> addIfAbsent(TimerQueue.Timer<K> timer) {
    int hash = timer.hash();
    int slot = hash & mask;
    TimerQueue.Timer<K> present;
    while ((present = timers[slot]) != null) {
      if (hashes[slot] == hash && present.is(timer.time, timer.key, timer.namespace)) {
        return present;
      }
      slot = (slot + 1) & mask;
    }
    timers[slot] = timer;
    hashes[slot] = hash;
    if (++size > (mask + 1) * 3 / 4) {
      grow();
    }
    return null;
  }

  /** Removes and returns the timer of ({@code time}, {@code key}, {@code namespace}), or null. */
  TimerQueue.Timer<K> remove(long time, K key, Object namespace) {
    int hash = hash(time, key, namespace);
    int slot = hash & mask;
    TimerQueue.Timer<K> present;
    while ((present = timers[slot]) != null) {
      if (hashes[slot] == hash && present.is(time, key, namespace)) {
        deleteAt(slot);
        return present;
      }
      slot = (slot + 1) & mask;
    }
    return null;
  }

  /** Removes {@code timer} itself, which must be in this index. */
  void remove(TimerQueue.Timer<K> timer) {
    int slot = timer.hash() & mask;
    while (timers[slot] != timer) {
      if (timers[slot] == null) {
        throw new IllegalStateException(timer + " is not indexed");
      }
      slot = (slot + 1) & mask;
    }
    deleteAt(slot);
  }

  int size() {
    return size;
  }

  /** Empties {@code slot}, moving later entries of its probe run into the gap where they may go. */
  private void deleteAt(int slot) {
    size--;
    int gap = slot;
    int next = (gap + 1) & mask;
    while (timers[next] != null) {
      int home = hashes[next] & mask;
      // the entry at next may fill the gap unless its home lies cyclically in (gap, next]
      if (((next - home) & mask) >= ((next - gap) & mask)) {
        timers[gap] = timers[next];
        hashes[gap] = hashes[next];
        gap = next;
      }
      next = (next + 1) & mask;
    }
    timers[gap] = null;
  }

  private void grow() {
    TimerQueue.Timer<K>[] oldTimers = timers;
    int[] oldHashes = hashes;
    int capacity = oldTimers.length * 2;
    timers = newTable(capacity);
    hashes = new int[capacity];
    mask = capacity - 1;
    for (int i = 0; i < oldTimers.length; i++) {
      if (oldTimers[i] != null) {
        int slot = oldHashes[i] & mask;
        while (timers[slot] != null) {
          slot = (slot + 1) & mask;
        }
        timers[slot] = oldTimers[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <K> TimerQueue.Timer<K>[] newTable(int capacity) {
    TimerQueue.Timer<K>[] table = new TimerQueue.Timer[capacity];
    return table;
  }
}
