package io.sluice.runtime.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The timers of one time domain of one operator: a min-heap ordered by time that holds each (key,
 * namespace, time) triple at most once. Timers of equal time come out in the order they were added,
 * so firing order is deterministic. Deleting a timer costs a hash lookup plus O(log n).
 *
 * <p>The namespace says what a timer is for within its key (a window operator's window); null is
 * "no namespace", what operators without namespaces use.
 *
 * <p>Layout: a pending timer is an entry id into parallel arrays (time, sequence, key, namespace,
 * hash, position), not an object. The 4-ary heap holds ids with copies of their times and
 * sequences, the de-duplicating hash set holds ids with copies of their hashes, and each entry
 * records where it sits in the heap. So sifting, probing and the bookkeeping of moved entries all
 * stay in dense primitive arrays; with a timer object per entry (and a {@link java.util.HashMap}
 * node per timer), every level of a sift and every removal missed the cache on a scattered object,
 * which made timers most of NEXMark q4's cost with some 20,000 pending.
 *
 * <p>Timers added in firing order (each at or after the time of the timer added before it, as a
 * window operator's timers mostly are: all keys of a window share its end) skip the heap: they are
 * appended to a first-in-first-out run and come out of its front, with no sifting. A timer out of
 * that order goes to the heap; the earlier of the run's front and the heap's top fires first.
 *
 * <p>Confined to the task thread.
 *
 * @param <K> the key type
 */
final class TimerQueue<K> {
  /** A timer as {@link #peek}, {@link #poll} and {@link #inFiringOrder} hand it out. */
  static final class Timer<K> {
    final long time;
    final K key;
    final Object namespace;

    Timer(long time, K key, Object namespace) {
      this.time = time;
      this.key = key;
      this.namespace = namespace;
    }

    @Override
    public String toString() {
      return "Timer(" + time + ", " + key + (namespace == null ? "" : ", " + namespace) + ")";
    }
  }

  private static final int ARITY = 4;
  private static final int INITIAL_CAPACITY = 16;
  private static final int NONE = -1;

  // Entries, indexed by id. position >= 0 is the index in the heap, < 0 is -1 - index in the run.
  private long[] times = new long[INITIAL_CAPACITY];
  private long[] sequences = new long[INITIAL_CAPACITY];
  private Object[] keys = new Object[INITIAL_CAPACITY];
  private Object[] namespaces = new Object[INITIAL_CAPACITY];
  private int[] hashes = new int[INITIAL_CAPACITY];
  private int[] positions = new int[INITIAL_CAPACITY];
  private int[] freeIds = new int[INITIAL_CAPACITY];
  private int freeCount;
  private int nextUnusedId;

  // The de-duplicating set: open addressing with linear probing; slotIds holds id + 1 (0: empty).
  private int[] slotIds = new int[2 * INITIAL_CAPACITY];
  private int[] slotHashes = new int[2 * INITIAL_CAPACITY];

  // The heap of entry ids, with each slot's time and sequence beside it for comparisons.
  private int[] heap = new int[INITIAL_CAPACITY];
  private long[] heapTimes = new long[INITIAL_CAPACITY];
  private long[] heapSequences = new long[INITIAL_CAPACITY];
  private int size;
  private long nextSequence;

  // The run: ids in firing order from run[runHead] to run[runTail - 1]; a deleted timer leaves
  // NONE. runLastTime is the time of the last timer appended, or Long.MIN_VALUE when it is empty.
  private int[] run = new int[INITIAL_CAPACITY];
  private int runHead;
  private int runTail;
  private int runSize;
  private long runLastTime = Long.MIN_VALUE;

  /**
   * Adds a timer for {@code key} and {@code namespace} (may be null) at {@code time}; false if that
   * timer is already there.
   */
  boolean add(long time, K key, Object namespace) {
    Objects.requireNonNull(key, "a timer needs a key");
    int hash = hash(time, key, namespace);
    int slot = find(hash, time, key, namespace);
    if (slotIds[slot] != 0) {
      return false;
    }
    int id = newEntry(time, key, namespace, hash);
    slotIds[slot] = id + 1;
    slotHashes[slot] = hash;
    if (2 * (size() + 1) > slotIds.length) {
      resizeSet(2 * slotIds.length);
    }
    if (time >= runLastTime) {
      appendToRun(id);
      return true;
    }
    if (size == heap.length) {
      int capacity = size * 2;
      heap = Arrays.copyOf(heap, capacity);
      heapTimes = Arrays.copyOf(heapTimes, capacity);
      heapSequences = Arrays.copyOf(heapSequences, capacity);
    }
    siftUp(size++, id, time, sequences[id]);
    return true;
  }

  /** Deletes the timer for {@code key} and {@code namespace} at {@code time}; false if none. */
  boolean remove(long time, K key, Object namespace) {
    int slot = find(hash(time, key, namespace), time, key, namespace);
    int id = slotIds[slot] - 1;
    if (id < 0) {
      return false;
    }
    deleteSlot(slot);
    unlink(id);
    freeEntry(id);
    return true;
  }

  /** Whether no timer is pending. */
  boolean isEmpty() {
    return size() == 0;
  }

  /** The time of the earliest timer; only if there is one. */
  long peekTime() {
    return times[firstId()];
  }

  /** The earliest timer, or null if there is none. */
  Timer<K> peek() {
    return isEmpty() ? null : timer(firstId());
  }

  /** Removes and returns the earliest timer, or null if there is none. */
  Timer<K> poll() {
    return pollDue(Long.MAX_VALUE);
  }

  /**
   * Removes and returns the earliest timer if it is due at {@code time} (its time at or before it),
   * else null: a firing loop's check and removal with one look at the heap and the run.
   */
  Timer<K> pollDue(long time) {
    if (isEmpty()) {
      return null;
    }
    int id = firstId();
    if (times[id] > time) {
      return null;
    }
    Timer<K> first = timer(id);
    deleteSlot(slotOf(id));
    unlink(id);
    freeEntry(id);
    return first;
  }

  /** The timers in firing order (time, then insertion), for a checkpoint. */
  List<Timer<K>> inFiringOrder() {
    Integer[] ids = new Integer[size()];
    int count = 0;
    for (int i = 0; i < size; i++) {
      ids[count++] = heap[i];
    }
    for (int i = runHead; i < runTail; i++) {
      if (run[i] != NONE) {
        ids[count++] = run[i];
      }
    }
    Arrays.sort(
        ids,
        (a, b) ->
            times[a] != times[b]
                ? Long.compare(times[a], times[b])
                : Long.compare(sequences[a], sequences[b]));
    List<Timer<K>> timers = new ArrayList<>(ids.length);
    for (int id : ids) {
      timers.add(timer(id));
    }
    return timers;
  }

  int size() {
    return size + runSize;
  }

  @SuppressWarnings("unchecked")
  private Timer<K> timer(int id) {
    return new Timer<>(times[id], (K) keys[id], namespaces[id]);
  }

  /** The id of the earliest timer; there must be one. */
  private int firstId() {
    int runFirst = runFirst();
    if (size == 0) {
      return runFirst;
    }
    if (runFirst == NONE
        || earlier(heapTimes[0], heapSequences[0], times[runFirst], sequences[runFirst])) {
      return heap[0];
    }
    return runFirst;
  }

  /** Takes entry {@code id} out of the heap or the run. */
  private void unlink(int id) {
    int position = positions[id];
    if (position < 0) {
      int index = -1 - position;
      run[index] = NONE;
      if (index == runHead) {
        runHead++;
      }
      timerLeftRun();
    } else {
      removeAt(position);
    }
  }

  // ---- entries

  private int newEntry(long time, Object key, Object namespace, int hash) {
    int id;
    if (freeCount > 0) {
      id = freeIds[--freeCount];
    } else {
      if (nextUnusedId == times.length) {
        growEntries();
      }
      id = nextUnusedId++;
    }
    times[id] = time;
    sequences[id] = nextSequence++;
    keys[id] = key;
    namespaces[id] = namespace;
    hashes[id] = hash;
    return id;
  }

  private void freeEntry(int id) {
    keys[id] = null; // let keys and namespaces be collected
    namespaces[id] = null;
    freeIds[freeCount++] = id;
  }

  private void growEntries() {
    int capacity = times.length * 2;
    times = Arrays.copyOf(times, capacity);
    sequences = Arrays.copyOf(sequences, capacity);
    keys = Arrays.copyOf(keys, capacity);
    namespaces = Arrays.copyOf(namespaces, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
    positions = Arrays.copyOf(positions, capacity);
    freeIds = Arrays.copyOf(freeIds, capacity);
  }

  // ---- the de-duplicating set

  private static int hash(long time, Object key, Object namespace) {
    return 31 * (31 * Long.hashCode(time) + key.hashCode()) + Objects.hashCode(namespace);
  }

  private int home(int hash) {
    // Fibonacci hashing: spreads keys whose hash codes differ only in the high bits.
    return (hash * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(slotIds.length) + 1);
  }

  /** The slot holding the timer (time, key, namespace), or the empty slot where it would go. */
  private int find(int hash, long time, Object key, Object namespace) {
    int mask = slotIds.length - 1;
    int slot = home(hash);
    while (true) {
      int id = slotIds[slot] - 1;
      if (id < 0
          || (slotHashes[slot] == hash
              && times[id] == time
              && key.equals(keys[id])
              && Objects.equals(namespace, namespaces[id]))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The slot of entry {@code id}, which must be in the set: compares ids, loads no key. */
  private int slotOf(int id) {
    int mask = slotIds.length - 1;
    int slot = home(hashes[id]);
    while (slotIds[slot] != id + 1) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Empties {@code slot}, moving later entries of its probe run back so none is cut off. */
  private void deleteSlot(int slot) {
    int mask = slotIds.length - 1;
    int hole = slot;
    int next = (hole + 1) & mask;
    while (slotIds[next] != 0) {
      int home = home(slotHashes[next]);
      // the entry at next may fill the hole unless its home lies cyclically in (hole, next]
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        slotIds[hole] = slotIds[next];
        slotHashes[hole] = slotHashes[next];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    slotIds[hole] = 0;
  }

  private void resizeSet(int capacity) {
    int[] oldIds = slotIds;
    int[] oldHashes = slotHashes;
    slotIds = new int[capacity];
    slotHashes = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != 0) {
        int slot = home(oldHashes[i]);
        while (slotIds[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slotIds[slot] = oldIds[i];
        slotHashes[slot] = oldHashes[i];
      }
    }
  }

  // ---- the run

  /** The run's first id, or NONE if the run is empty; drops deleted timers at its front. */
  private int runFirst() {
    while (runHead < runTail && run[runHead] == NONE) {
      runHead++;
    }
    return runHead < runTail ? run[runHead] : NONE;
  }

  private void appendToRun(int id) {
    if (runTail == run.length) {
      makeRoomInRun();
    }
    positions[id] = -1 - runTail;
    run[runTail++] = id;
    runSize++;
    runLastTime = times[id];
  }

  private void timerLeftRun() {
    if (--runSize == 0) {
      Arrays.fill(run, runHead, runTail, NONE);
      runHead = 0;
      runTail = 0;
      runLastTime = Long.MIN_VALUE;
    }
  }

  /**
   * Moves the run to the start of its array (telling its entries), and grows the array if that
   * leaves less than half of it free: then at least as many appends as timers moved come before the
   * next move.
   */
  private void makeRoomInRun() {
    int length = runTail - runHead;
    if (length > run.length / 2) {
      run = Arrays.copyOf(run, run.length * 2);
    }
    if (runHead == 0) {
      return;
    }
    for (int i = 0; i < length; i++) {
      int id = run[runHead + i];
      run[i] = id;
      if (id != NONE) {
        positions[id] = -1 - i;
      }
    }
    Arrays.fill(run, length, runTail, NONE);
    runHead = 0;
    runTail = length;
  }

  // ---- the heap

  private void removeAt(int index) {
    int last = --size;
    if (index == last) {
      return;
    }
    int moved = heap[last];
    long time = heapTimes[last];
    long sequence = heapSequences[last];
    if (siftDown(index, moved, time, sequence) == index) {
      siftUp(index, moved, time, sequence);
    }
  }

  /** Places entry {@code id} at {@code index} or above it, moving later parents down. */
  private void siftUp(int index, int id, long time, long sequence) {
    while (index > 0) {
      int parent = (index - 1) / ARITY;
      if (!earlier(time, sequence, heapTimes[parent], heapSequences[parent])) {
        break;
      }
      place(heap[parent], heapTimes[parent], heapSequences[parent], index);
      index = parent;
    }
    place(id, time, sequence, index);
  }

  /**
   * Places entry {@code id} at {@code index} or below it, moving earlier children up.
   *
   * @return where the entry went
   */
  private int siftDown(int index, int id, long time, long sequence) {
    while (true) {
      int first = ARITY * index + 1;
      if (first >= size) {
        break;
      }
      int end = Math.min(first + ARITY, size);
      int earliest = first;
      for (int child = first + 1; child < end; child++) {
        if (earlier(
            heapTimes[child], heapSequences[child], heapTimes[earliest], heapSequences[earliest])) {
          earliest = child;
        }
      }
      if (!earlier(heapTimes[earliest], heapSequences[earliest], time, sequence)) {
        break;
      }
      place(heap[earliest], heapTimes[earliest], heapSequences[earliest], index);
      index = earliest;
    }
    place(id, time, sequence, index);
    return index;
  }

  private void place(int id, long time, long sequence, int index) {
    heap[index] = id;
    heapTimes[index] = time;
    heapSequences[index] = sequence;
    positions[id] = index;
  }

  private static boolean earlier(long time, long sequence, long otherTime, long otherSequence) {
    return time < otherTime || (time == otherTime && sequence < otherSequence);
  }
}
