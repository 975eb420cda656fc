package io.sluice.spi.shuffle;

/**
 * The producing side of a shuffle: one per producing subtask, written only by that subtask's
 * thread. Buffers come from a bounded pool; when the consumers fall behind, {@link
 * #requestBuffer()} blocks and so backpressures the producer.
 */
public interface ResultPartitionWriter {

  ResultPartitionId id();

  int numberOfSubpartitions();

  /** An empty buffer, blocking until the pool has one (backpressure). */
  NetworkBuffer requestBuffer() throws InterruptedException;

  /**
   * Hands a filled buffer to subpartition {@code subpartition}; ownership passes to the shuffle.
   */
  void emit(int subpartition, NetworkBuffer buffer);

  /**
   * Ends every subpartition: consumers see end-of-partition after the data already emitted. The
   * runtime calls it once the producer has flushed everything.
   */
  void finish();

  /** Fails the partition: consumers' gates report {@code cause} instead of further data. */
  void fail(Throwable cause);

  /** Releases the pool; buffers still queued are recycled. */
  void release();
}
