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
  /** A timer: its time, key and namespace, and where it sits in the heap. */
  static final class Timer<K> {
    final long time;
    final K key;
    final Object namespace;
    private final long sequence;
    private final int hash;

    /** Its index in the heap, or, if negative, {@code -1 - position} in the run. */
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

  // The run: timers in firing order from run[runHead] to run[runTail - 1]; a deleted timer leaves
  // null. runLastTime is the time of the last timer appended, or Long.MIN_VALUE when it is empty.
  @SuppressWarnings("unchecked")
  private Timer<K>[] run = new Timer[INITIAL_CAPACITY];

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
    Timer<K> timer = new Timer<>(time, key, namespace, nextSequence);
    if (byKeyAndTime.putIfAbsent(timer, timer) != null) {
      return false;
    }
    nextSequence++;
    if (time >= runLastTime) {
      appendToRun(timer);
      return true;
    }
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
    if (timer.heapIndex < 0) {
      run[-1 - timer.heapIndex] = null;
      timerLeftRun();
    } else {
      removeAt(timer.heapIndex);
    }
    return true;
  }

  /** The earliest timer, or null if there is none. */
  Timer<K> peek() {
    Timer<K> runFirst = runFirst();
    if (size == 0) {
      return runFirst;
    }
    if (runFirst == null
        || before(heapTimes[0], heapSequences[0], runFirst.time, runFirst.sequence)) {
      return heap[0];
    }
    return runFirst;
  }

  /** Removes and returns the earliest timer, or null if there is none. */
  Timer<K> poll() {
    Timer<K> first = peek();
    if (first == null) {
      return null;
    }
    byKeyAndTime.remove(first);
    if (first.heapIndex < 0) {
      run[runHead++] = null;
      timerLeftRun();
    } else {
      removeAt(0);
    }
    return first;
  }

  /** The timers in firing order (time, then insertion), for a checkpoint. */
  List<Timer<K>> inFiringOrder() {
    List<Timer<K>> timers = new ArrayList<>(size());
    for (int i = 0; i < size; i++) {
      timers.add(heap[i]);
    }
    for (int i = runHead; i < runTail; i++) {
      if (run[i] != null) {
        timers.add(run[i]);
      }
    }
    timers.sort(
        (a, b) ->
            a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
    return timers;
  }

  int size() {
    return size + runSize;
  }

  /** The run's first timer, or null if the run is empty; drops deleted timers at its front. */
  private Timer<K> runFirst() {
    while (runHead < runTail && run[runHead] == null) {
      runHead++;
    }
    return runHead < runTail ? run[runHead] : null;
  }

  private void appendToRun(Timer<K> timer) {
    if (runTail == run.length) {
      makeRoomInRun();
    }
    timer.heapIndex = -1 - runTail;
    run[runTail++] = timer;
    runSize++;
    runLastTime = timer.time;
  }

  private void timerLeftRun() {
    if (--runSize == 0) {
      Arrays.fill(run, runHead, runTail, null);
      runHead = 0;
      runTail = 0;
      runLastTime = Long.MIN_VALUE;
    }
  }

  /**
   * Moves the run to the start of its array (telling its timers), and grows the array if that
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
      Timer<K> timer = run[runHead + i];
      run[i] = timer;
      if (timer != null) {
        timer.heapIndex = -1 - i;
      }
    }
    Arrays.fill(run, Math.max(length, runHead), runTail, null);
    runHead = 0;
    runTail = length;
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
