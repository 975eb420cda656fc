package io.sluice.shuffle.local;

import io.sluice.spi.shuffle.NetworkBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * One lease of a pooled segment. The pool reuses segments, but every {@link BufferPool#request()}
 * is wrapped in a fresh {@code LocalBuffer}, so a stale second {@link #recycle()} of an old lease
 * can never return a segment that a new owner is already writing.
 *
 * <p>Threading: written by the producer, then by the consumer after the hand-over through a
 * subpartition queue (which publishes the writes); {@link #recycle()} is safe from any thread.
 */
final class LocalBuffer implements NetworkBuffer {

  private static final VarHandle RECYCLED;

  static {
    try {
      RECYCLED = MethodHandles.lookup().findVarHandle(LocalBuffer.class, "recycled", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final byte[] segment;
  private final BufferPool pool;
  private int size;
  private Kind kind = Kind.DATA;
  private int channelIndex = -1;

  @SuppressWarnings("unused") // accessed through RECYCLED
  private volatile boolean recycled;

  LocalBuffer(byte[] segment, BufferPool pool) {
    this.segment = segment;
    this.pool = pool;
  }

  BufferPool pool() {
    return pool;
  }

  @Override
  public byte[] array() {
    return segment;
  }

  @Override
  public int capacity() {
    return segment.length;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void setSize(int size) {
    Objects.checkFromToIndex(0, size, segment.length);
    this.size = size;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  @Override
  public void setKind(Kind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
  public int channelIndex() {
    return channelIndex;
  }

  void setChannelIndex(int channelIndex) {
    this.channelIndex = channelIndex;
  }

  boolean isRecycled() {
    return (boolean) RECYCLED.getVolatile(this);
  }

  @Override
  public void recycle() {
    if (RECYCLED.compareAndSet(this, false, true)) {
      pool.recycle(segment);
    }
  }

  @Override
  public String toString() {
    return "LocalBuffer[" + kind + ", " + size + "/" + segment.length + " bytes]";
  }
}
