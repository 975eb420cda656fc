package io.sluice.runtime.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The timers of one time domain of one operator: a min-heap ordered by time that holds each (key,
 * namespace, time) triple at most once. Every timer knows its position in the heap, so deleting a
 * timer costs a hash lookup plus O(log n) (a {@link java.util.PriorityQueue} scans all timers to
 * delete one, which made session windows, whose merges delete timers all the time, quadratic).
 * Timers of equal time come out in the order they were added, so firing order is deterministic.
 *
 * <p>The namespace says what a timer is for within its key (a window operator's window); null is
 * "no namespace", what operators without namespaces use.
 *
 * <p>The heap is 4-ary and keeps each slot's time and sequence in primitive arrays next to the
 * timer references: sifting compares adjacent array elements instead of following a reference to
 * every child, which made sifting the most expensive part of firing with many pending timers.
 *
 * <p>Confined to the task thread.
 *
 * @param <K> the key type
 */
final class TimerQueue<K> {
  /** A timer: its time, key and namespace, and where it sits in the heap. */
  static final class Timer<K> {
    final long time;
    final K key;
    final Object namespace;
    private final long sequence;
    private final int hash;
    private int heapIndex;

    private Timer(long time, K key, Object namespace, long sequence) {
      this.time = time;
      this.key = key;
      this.namespace = namespace;
      this.sequence = sequence;
      this.hash = 31 * (31 * Long.hashCode(time) + key.hashCode()) + Objects.hashCode(namespace);
    }

    /** Equal by (time, key, namespace). */
    @Override
    public boolean equals(Object other) {
      return other instanceof Timer<?> timer
          && hash == timer.hash
          && time == timer.time
          && key.equals(timer.key)
          && Objects.equals(namespace, timer.namespace);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "Timer(" + time + ", " + key + (namespace == null ? "" : ", " + namespace) + ")";
    }
  }

  private static final int ARITY = 4;
  private static final int INITIAL_CAPACITY = 16;

  private final Map<Timer<K>, Timer<K>> byKeyAndTime = new HashMap<>();

  @SuppressWarnings("unchecked")
  private Timer<K>[] heap = new Timer[INITIAL_CAPACITY];

  private long[] heapTimes = new long[INITIAL_CAPACITY];
  private long[] heapSequences = new long[INITIAL_CAPACITY];
  private int size;
  private long nextSequence;

  /**
   * Adds a timer for {@code key} and {@code namespace} (may be null) at {@code time}; false if that
   * timer is already there.
   */
  boolean add(long time, K key, Object namespace) {
    Objects.requireNonNull(key, "a timer needs a key");
    Timer<K> timer = new Timer<>(time, key, namespace, nextSequence);
    if (byKeyAndTime.putIfAbsent(timer, timer) != null) {
      return false;
    }
    nextSequence++;
    if (size == heap.length) {
      int capacity = size * 2;
      heap = Arrays.copyOf(heap, capacity);
      heapTimes = Arrays.copyOf(heapTimes, capacity);
      heapSequences = Arrays.copyOf(heapSequences, capacity);
    }
    siftUp(size++, timer);
    return true;
  }

  /** Deletes the timer for {@code key} and {@code namespace} at {@code time}; false if none. */
  boolean remove(long time, K key, Object namespace) {
    Timer<K> timer = byKeyAndTime.remove(new Timer<>(time, key, namespace, 0));
    if (timer == null) {
      return false;
    }
    removeAt(timer.heapIndex);
    return true;
  }

  /** The earliest timer, or null if there is none. */
  Timer<K> peek() {
    return size == 0 ? null : heap[0];
  }

  /** Removes and returns the earliest timer, or null if there is none. */
  Timer<K> poll() {
    if (size == 0) {
      return null;
    }
    Timer<K> first = heap[0];
    byKeyAndTime.remove(first);
    removeAt(0);
    return first;
  }

  /** The timers in firing order (time, then insertion), for a checkpoint. */
  List<Timer<K>> inFiringOrder() {
    List<Timer<K>> timers = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      timers.add(heap[i]);
    }
    timers.sort(
        (a, b) ->
            a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
    return timers;
  }

  int size() {
    return size;
  }

  private void removeAt(int index) {
    int last = --size;
    Timer<K> moved = heap[last];
    heap[last] = null;
    if (index == last) {
      return;
    }
    if (siftDown(index, moved) == index) {
      siftUp(index, moved);
    }
  }

  /** Places {@code timer} at {@code index} or above it, moving later parents down. */
  private void siftUp(int index, Timer<K> timer) {
    long time = timer.time;
    long sequence = timer.sequence;
    while (index > 0) {
      int parent = (index - 1) / ARITY;
      if (!before(time, sequence, parent)) {
        break;
      }
      place(heap[parent], index);
      index = parent;
    }
    place(timer, index);
  }

  /**
   * Places {@code timer} at {@code index} or below it, moving earlier children up.
   *
   * @return where the timer went
   */
  private int siftDown(int index, Timer<K> timer) {
    long time = timer.time;
    long sequence = timer.sequence;
    while (true) {
      int first = ARITY * index + 1;
      if (first >= size) {
        break;
      }
      int end = Math.min(first + ARITY, size);
      int earliest = first;
      for (int child = first + 1; child < end; child++) {
        if (before(heapTimes[child], heapSequences[child], earliest)) {
          earliest = child;
        }
      }
      if (!before(heapTimes[earliest], heapSequences[earliest], time, sequence)) {
        break;
      }
      place(heap[earliest], index);
      index = earliest;
    }
    place(timer, index);
    return index;
  }

  private void place(Timer<K> timer, int index) {
    heap[index] = timer;
    heapTimes[index] = timer.time;
    heapSequences[index] = timer.sequence;
    timer.heapIndex = index;
  }

  /** Whether a timer of ({@code time}, {@code sequence}) fires before the one in {@code slot}. */
  private boolean before(long time, long sequence, int slot) {
    return before(time, sequence, heapTimes[slot], heapSequences[slot]);
  }

  private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
    return time < otherTime || (time == otherTime && sequence < otherSequence);
  }
}
