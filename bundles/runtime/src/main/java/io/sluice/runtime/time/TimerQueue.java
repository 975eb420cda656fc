package io.sluice.runtime.time;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The timers of one time domain of one operator: a binary min-heap ordered by time that holds each
 * (key, time) pair at most once. Every timer knows its position in the heap, so deleting a timer
 * costs a hash lookup plus O(log n) (a {@link java.util.PriorityQueue} scans all timers to delete
 * one, which made session windows, whose merges delete timers all the time, quadratic). Timers of
 * equal time come out in the order they were added, so firing order is deterministic.
 *
 * <p>Confined to the task thread.
 *
 * @param <K> the key type
 */
final class TimerQueue<K> {
  /** A timer: its time, its key, and where it sits in the heap. Equal by (time, key). */
  static final class Timer<K> {
    final long time;
    final K key;
    private final long sequence;
    private int heapIndex;

    private Timer(long time, K key, long sequence) {
      this.time = time;
      this.key = key;
      this.sequence = sequence;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Timer<?> timer && time == timer.time && key.equals(timer.key);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(time) + key.hashCode();
    }

    @Override
    public String toString() {
      return "Timer(" + time + ", " + key + ")";
    }
  }

  private final Map<Timer<K>, Timer<K>> byKeyAndTime = new HashMap<>();

  @SuppressWarnings("unchecked")
  private Timer<K>[] heap = new Timer[16];

  private int size;
  private long nextSequence;

  /** Adds a timer for {@code key} at {@code time}; false if that timer is already there. */
  boolean add(long time, K key) {
    Objects.requireNonNull(key, "a timer needs a key");
    Timer<K> timer = new Timer<>(time, key, nextSequence);
    if (byKeyAndTime.putIfAbsent(timer, timer) != null) {
      return false;
    }
    nextSequence++;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    timer.heapIndex = size;
    heap[size++] = timer;
    siftUp(timer.heapIndex);
    return true;
  }

  /** Deletes the timer for {@code key} at {@code time}; false if there is none. */
  boolean remove(long time, K key) {
    Timer<K> timer = byKeyAndTime.remove(new Timer<>(time, key, 0));
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
  java.util.List<Timer<K>> inFiringOrder() {
    java.util.List<Timer<K>> timers = new java.util.ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      timers.add(heap[i]);
    }
    timers.sort((a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
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
    place(moved, index);
    siftDown(index);
    if (heap[index] == moved) {
      siftUp(index);
    }
  }

  private void siftUp(int index) {
    Timer<K> timer = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (!before(timer, heap[parent])) {
        break;
      }
      place(heap[parent], index);
      index = parent;
    }
    place(timer, index);
  }

  private void siftDown(int index) {
    Timer<K> timer = heap[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && before(heap[right], heap[child])) {
        child = right;
      }
      if (!before(heap[child], timer)) {
        break;
      }
      place(heap[child], index);
      index = child;
    }
    place(timer, index);
  }

  private void place(Timer<K> timer, int index) {
    heap[index] = timer;
    timer.heapIndex = index;
  }

  private static boolean before(Timer<?> a, Timer<?> b) {
    return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
  }
}
