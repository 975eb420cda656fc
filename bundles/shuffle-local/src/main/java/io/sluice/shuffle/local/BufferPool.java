package io.sluice.shuffle.local;

import io.sluice.spi.shuffle.ShuffleException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pool of fixed-size memory segments owned by one result partition.
 *
 * <p>Segments are allocated lazily, up to {@code maxSegments}, and then only reused: a recycled
 * segment goes back on a free stack (last in, first out, so the hottest segment is handed out next)
 * and is never reallocated. When every segment is out, {@link #request()} blocks until a consumer
 * recycles one: that wait is the shuffle's backpressure. {@link #release()} drops the free
 * segments, wakes every waiter with a {@link ShuffleException}, and turns later recycles into
 * no-ops, so the memory goes to the garbage collector once the last holder lets go.
 *
 * <p>Threading: {@link #request()} is called by the producer, {@link #recycle} by any consumer; one
 * lock guards the free stack. It is taken once per 32 KiB buffer, not per record.
 */
final class BufferPool {

  private final String owner;
  private final int segmentSize;
  private final int maxSegments;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition segmentReturned = lock.newCondition();
  private final ArrayDeque<byte[]> free;
  private int allocated;
  private boolean released;

  /**
   * @param owner names the partition in errors, e.g. "job/1#0 (Map (1/2))"
   */
  BufferPool(String owner, int segmentSize, int maxSegments) {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("a buffer pool needs at least one segment: " + owner);
    }
    this.owner = owner;
    this.segmentSize = segmentSize;
    this.maxSegments = maxSegments;
    this.free = new ArrayDeque<>(maxSegments);
  }

  int maxSegments() {
    return maxSegments;
  }

  /** Segments that can be requested right now without blocking (free or not yet allocated). */
  int availableSegments() {
    lock.lock();
    try {
      return released ? 0 : free.size() + maxSegments - allocated;
    } finally {
      lock.unlock();
    }
  }

  /** A segment, blocking while all are in use. */
  byte[] request() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (true) {
        if (released) {
          throw releasedException();
        }
        byte[] segment = free.pollLast();
        if (segment != null) {
          return segment;
        }
        if (allocated < maxSegments) {
          allocated++;
          return new byte[segmentSize];
        }
        segmentReturned.await();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns a segment handed out by {@link #request()}; after release it is simply dropped. */
  void recycle(byte[] segment) {
    lock.lock();
    try {
      if (!released) {
        free.addLast(segment);
        segmentReturned.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Frees the pool and fails every current and future {@link #request()}. */
  void release() {
    lock.lock();
    try {
      released = true;
      free.clear();
      segmentReturned.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private ShuffleException releasedException() {
    return new ShuffleException(
        "Result partition "
            + owner
            + " was released, so its producer can no longer request buffers"
            + " (the job was cancelled, failed or finished)");
  }
}
