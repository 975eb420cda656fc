package io.sluice.spi.shuffle;

/**
 * A fixed-size block of memory from a bounded pool that carries serialized records (or one event)
 * between subtasks.
 *
 * <p>Ownership: whoever holds a buffer either passes it on (to {@link ResultPartitionWriter#emit})
 * or recycles it; the consumer recycles what it polled once it has read it. {@link #recycle()} is
 * idempotent, so a buffer is returned to its pool at most once.
 */
public interface NetworkBuffer {

  /** Whether the buffer holds serialized stream elements or one event. */
  enum Kind {
    DATA,
    EVENT
  }

  /** The backing array; valid bytes are {@code [0, size())}. Written only by the current owner. */
  byte[] array();

  /** Capacity in bytes (the configured buffer size). */
  int capacity();

  /** Number of valid bytes. */
  int size();

  void setSize(int size);

  Kind kind();

  void setKind(Kind kind);

  /** The input channel the buffer arrived on; set by the input gate. */
  int channelIndex();

  /** Returns the buffer to its pool; later calls do nothing. */
  void recycle();
}
