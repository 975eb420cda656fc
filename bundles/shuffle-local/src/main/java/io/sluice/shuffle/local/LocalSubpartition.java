package io.sluice.shuffle.local;

import io.sluice.spi.shuffle.ShuffleException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The queue between one producer and the one input channel that consumes it.
 *
 * <p>Lock-free hand-over: the producer offers an entry and then increments {@code backlog}; the
 * consumer polls an entry and then decrements it. So a positive backlog guarantees that many
 * entries are in the queue, and only the producer's 0 → 1 step has to tell the consumer's gate that
 * this channel has data; while the backlog stays positive the gate keeps the channel queued by
 * itself. Entries are {@link LocalBuffer}s followed by at most one {@link Marker#END_OF_PARTITION};
 * {@link Marker#WAKE_UP} only makes the gate look at the channel after a failure.
 *
 * <p>Threading: {@link #add} from the producer (or from whoever fails or releases the partition),
 * {@link #poll} and {@link #decrementBacklog} from the consumer's task thread.
 */
final class LocalSubpartition {

  /** Control entries of the queue. */
  enum Marker {
    END_OF_PARTITION,
    WAKE_UP
  }

  /** Why the consumer gets an error instead of data. */
  record Failure(String reason, Throwable cause) {}

  private final LocalResultPartition partition;
  private final int index;
  private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger backlog = new AtomicInteger();
  private final AtomicReference<LocalInputChannel> consumer = new AtomicReference<>();
  private volatile Failure failure;
  private volatile boolean endOfPartitionConsumed;
  private volatile boolean consumerClosed;

  LocalSubpartition(LocalResultPartition partition, int index) {
    this.partition = partition;
    this.index = index;
  }

  /** Connects the one channel that reads this subpartition. */
  void bind(LocalInputChannel channel) {
    if (!consumer.compareAndSet(null, channel)) {
      throw new ShuffleException(
          "Subpartition "
              + index
              + " of result partition "
              + partition.describe()
              + " is already read by the input gate of "
              + consumer.get().gate().ownerName()
              + "; each subpartition has exactly one consumer");
    }
    if (backlog.get() > 0) {
      // Data arrived before the gate existed; announcing twice is harmless (the gate dedupes).
      channel.notifyNonEmpty();
    }
  }

  /** Disconnects a channel that failed to be wired (gate creation rolled back). */
  void unbind(LocalInputChannel channel) {
    consumer.compareAndSet(channel, null);
  }

  /** Appends an entry and announces the channel to its gate if it was empty. */
  void add(Object entry) {
    queue.offer(entry);
    if (backlog.getAndIncrement() == 0) {
      LocalInputChannel channel = consumer.get();
      if (channel != null) {
        channel.notifyNonEmpty();
      }
    }
    if (consumerClosed) {
      // The gate closed concurrently: nobody will read this, so give the buffers back now.
      drainAndRecycle();
    }
  }

  /** The next entry or null; consumer only. */
  Object poll() {
    return queue.poll();
  }

  /** Called by the consumer after a successful {@link #poll()}; returns the remaining backlog. */
  int decrementBacklog() {
    return backlog.decrementAndGet();
  }

  Failure failure() {
    return failure;
  }

  void markEndOfPartitionConsumed() {
    endOfPartitionConsumed = true;
  }

  /**
   * Makes the consumer report {@code failure} instead of further data, unless it has already read
   * everything up to end-of-partition. The first failure wins.
   */
  void fail(Failure newFailure) {
    if (endOfPartitionConsumed || failure != null) {
      return;
    }
    failure = newFailure;
    add(Marker.WAKE_UP);
  }

  /** The consumer's gate closed: recycle what is queued and everything added from now on. */
  void consumerClosed() {
    consumerClosed = true;
    drainAndRecycle();
  }

  /** Recycles every queued buffer (whoever polls an entry owns it, so this races safely). */
  void drainAndRecycle() {
    Object entry;
    while ((entry = queue.poll()) != null) {
      if (entry instanceof LocalBuffer buffer) {
        buffer.recycle();
      }
    }
  }
}
