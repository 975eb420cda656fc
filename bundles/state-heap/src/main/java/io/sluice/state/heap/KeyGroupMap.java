package io.sluice.state.heap;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The keys of one key group and what a state holds for each: an open-addressing hash table (linear
 * probing) over two arrays: the keys' hash codes, and the keys interleaved with the stored objects.
 *
 * <p>Why not {@link java.util.HashMap}: a keyed operator touches a different key with almost every
 * record, so a lookup is bound by dependent memory loads, not by instructions. A {@code HashMap}
 * lookup goes bucket array, node, key; here the probe reads the hash array and then the key, and
 * the stored object sits next to the key reference, on the same cache line. Besides, the slot a
 * lookup found stays valid until the next insertion or removal ({@link #structureVersion()} tells),
 * so a read-modify-write of the same key needs a single lookup (see {@link StateTable}).
 *
 * <p>The slot of a key is chosen from the high bits of its hash code times the golden ratio
 * (Fibonacci hashing), which spreads all the hash code's bits; the keys of one key group agree on
 * their murmur hash modulo the max parallelism, and this choice is unrelated to that. Removal
 * shifts the following entries of the probe run back, so there are no tombstones. The table doubles
 * when it would be more than three quarters full: a smaller table stays in cache better, which
 * measured faster than the shorter probe runs of a half-full one (keyBy benchmark, 10,000 keys).
 *
 * <p>Not thread-safe; null keys and null values are not allowed.
 *
 * @param <K> the keys
 * @param <V> the stored objects
 */
final class KeyGroupMap<K, V> {

  private static final int MIN_CAPACITY = 8;
  private static final int GOLDEN_RATIO = 0x9E3779B9;

  private int[] hashes;

  /** Key of slot {@code s} at {@code 2s}, its stored object at {@code 2s + 1}; null key: free. */
  private Object[] entries;

  private int size;
  private int shift;
  private int structureVersion;

  KeyGroupMap() {
    allocate(MIN_CAPACITY);
  }

  int size() {
    return size;
  }

  /**
   * Changes with every insertion of a new key and every removal; while it is unchanged, a slot
   * returned by {@link #find} still holds the same key.
   */
  int structureVersion() {
    return structureVersion;
  }

  /** The slot holding {@code key}, whose hash code is {@code hash}, or -1. */
  int find(Object key, int hash) {
    int mask = hashes.length - 1;
    for (int slot = indexOf(hash); ; slot = (slot + 1) & mask) {
      Object candidate = entries[2 * slot];
      if (candidate == null) {
        return -1;
      }
      if (hashes[slot] == hash && (candidate == key || candidate.equals(key))) {
        return slot;
      }
    }
  }

  /** The object stored in {@code slot}, a slot {@link #find} or {@link #put} returned. */
  @SuppressWarnings("unchecked")
  V valueAt(int slot) {
    return (V) entries[2 * slot + 1];
  }

  /** Replaces the object in {@code slot} of an existing key; the structure does not change. */
  void setValueAt(int slot, V value) {
    entries[2 * slot + 1] = Objects.requireNonNull(value, "value");
  }

  /** Stores {@code value} for {@code key}; returns the key's slot. */
  int put(K key, int hash, V value) {
    Objects.requireNonNull(value, "value");
    int slot = find(key, hash);
    if (slot >= 0) {
      entries[2 * slot + 1] = value;
      return slot;
    }
    return insert(key, hash, value);
  }

  private int insert(K key, int hash, V value) {
    if (4 * (size + 1) > 3 * hashes.length) {
      allocate(2 * hashes.length);
    }
    int slot = freeSlot(hash);
    hashes[slot] = hash;
    entries[2 * slot] = Objects.requireNonNull(key, "key");
    entries[2 * slot + 1] = value;
    size++;
    structureVersion++;
    return slot;
  }

  /** Drops {@code key}'s entry, if any. */
  void remove(Object key, int hash) {
    int slot = find(key, hash);
    if (slot >= 0) {
      removeAt(slot);
    }
  }

  /** The first occupied slot, or -1 if the map is empty; slots are visited in array order. */
  int firstSlot() {
    return occupiedFrom(0);
  }

  /** The occupied slot after {@code slot}, or -1. */
  int nextSlot(int slot) {
    return occupiedFrom(slot + 1);
  }

  /** The key in an occupied {@code slot}. */
  @SuppressWarnings("unchecked")
  K keyAt(int slot) {
    return (K) entries[2 * slot];
  }

  /** The keys in slot order; read-only, and invalid once the map is modified. */
  Iterator<K> keyIterator() {
    return new Iterator<>() {
      private int slot = firstSlot();

      @Override
      public boolean hasNext() {
        return slot >= 0;
      }

      @Override
      public K next() {
        if (slot < 0) {
          throw new NoSuchElementException();
        }
        K key = keyAt(slot);
        slot = nextSlot(slot);
        return key;
      }
    };
  }

  /** An independent copy of the table (the stored objects themselves are shared). */
  KeyGroupMap<K, V> copy() {
    KeyGroupMap<K, V> copy = new KeyGroupMap<>();
    copy.hashes = hashes.clone();
    copy.entries = entries.clone();
    copy.size = size;
    copy.shift = shift;
    return copy;
  }

  /** Replaces every stored object by {@code copier}'s result for it. */
  void replaceValues(UnaryOperator<V> copier) {
    for (int slot = firstSlot(); slot >= 0; slot = nextSlot(slot)) {
      entries[2 * slot + 1] = Objects.requireNonNull(copier.apply(valueAt(slot)));
    }
  }

  private int occupiedFrom(int from) {
    for (int slot = from; slot < hashes.length; slot++) {
      if (entries[2 * slot] != null) {
        return slot;
      }
    }
    return -1;
  }

  private int indexOf(int hash) {
    return (hash * GOLDEN_RATIO) >>> shift;
  }

  private int freeSlot(int hash) {
    int mask = hashes.length - 1;
    int slot = indexOf(hash);
    while (entries[2 * slot] != null) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /**
   * Empties {@code slot}, an occupied slot {@link #find} or {@link #put} returned, and moves later
   * entries of its probe run back into the gap.
   */
  void removeAt(int slot) {
    int mask = hashes.length - 1;
    int gap = slot;
    for (int next = (gap + 1) & mask; entries[2 * next] != null; next = (next + 1) & mask) {
      int home = indexOf(hashes[next]);
      // The entry may fill the gap if its home slot is not in the cyclic range (gap, next].
      boolean homeAfterGap = ((next - home) & mask) < ((next - gap) & mask);
      if (!homeAfterGap) {
        hashes[gap] = hashes[next];
        entries[2 * gap] = entries[2 * next];
        entries[2 * gap + 1] = entries[2 * next + 1];
        gap = next;
      }
    }
    entries[2 * gap] = null;
    entries[2 * gap + 1] = null;
    size--;
    structureVersion++;
  }

  private void allocate(int capacity) {
    int[] oldHashes = hashes;
    Object[] oldEntries = entries;
    hashes = new int[capacity];
    entries = new Object[2 * capacity];
    shift = Integer.numberOfLeadingZeros(capacity) + 1;
    structureVersion++;
    if (oldEntries != null) {
      for (int slot = 0; slot < oldHashes.length; slot++) {
        if (oldEntries[2 * slot] != null) {
          int target = freeSlot(oldHashes[slot]);
          hashes[target] = oldHashes[slot];
          entries[2 * target] = oldEntries[2 * slot];
          entries[2 * target + 1] = oldEntries[2 * slot + 1];
        }
      }
    }
  }
}
