package io.sluice.shuffle.local;

import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ResultPartitionDescriptor;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleException;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A result partition whose subpartitions are in-memory queues read by input gates of the same JVM.
 *
 * <p>Its {@link BufferPool} holds {@code buffersPerChannel * numberOfSubpartitions +
 * floatingBuffersPerGate} segments of {@code bufferSize} bytes; a full pool blocks {@link
 * #requestBuffer()} until a consumer recycles, which is how a slow consumer slows the producer.
 *
 * <p>Threading: {@link #requestBuffer}, {@link #emit} and {@link #finish} come from the producer's
 * task thread; {@link #fail} and {@link #release} may come from any thread (cancellation).
 */
final class LocalResultPartition implements ResultPartitionWriter {

  private final ResultPartitionId id;
  private final String ownerName;
  private final BufferPool pool;
  private final LocalSubpartition[] subpartitions;
  private final Consumer<LocalResultPartition> onRelease;
  private volatile boolean finished;
  private volatile boolean released;

  LocalResultPartition(
      ResultPartitionDescriptor descriptor, Consumer<LocalResultPartition> onRelease) {
    this.id = Objects.requireNonNull(descriptor.id(), "id");
    this.ownerName = descriptor.ownerName();
    int n = descriptor.numberOfSubpartitions();
    if (n < 1) {
      throw new IllegalArgumentException(
          "Result partition " + id + " needs at least one subpartition, got " + n);
    }
    ShuffleSettings settings = descriptor.settings();
    this.pool =
        new BufferPool(
            describe(),
            settings.bufferSize(),
            Math.addExact(
                Math.multiplyExact(settings.buffersPerChannel(), n),
                settings.floatingBuffersPerGate()));
    this.subpartitions = new LocalSubpartition[n];
    for (int i = 0; i < n; i++) {
      subpartitions[i] = new LocalSubpartition(this, i);
    }
    this.onRelease = onRelease;
  }

  @Override
  public ResultPartitionId id() {
    return id;
  }

  @Override
  public int numberOfSubpartitions() {
    return subpartitions.length;
  }

  LocalSubpartition subpartition(int index) {
    return subpartitions[index];
  }

  /** "job/1#0 (Map (1/2))", for error messages. */
  String describe() {
    return id + " (" + ownerName + ")";
  }

  /** Buffers the pool holds when none is in use. */
  int poolSize() {
    return pool.maxSegments();
  }

  /** Buffers the producer could request right now without blocking. */
  int availableBuffers() {
    return pool.availableSegments();
  }

  boolean isReleased() {
    return released;
  }

  @Override
  public NetworkBuffer requestBuffer() throws InterruptedException {
    return new LocalBuffer(pool.request(), pool);
  }

  @Override
  public void emit(int subpartition, NetworkBuffer buffer) {
    if (!(buffer instanceof LocalBuffer local) || local.pool() != pool) {
      throw new IllegalArgumentException(
          "Result partition " + describe() + " can only emit buffers it handed out: " + buffer);
    }
    Objects.checkIndex(subpartition, subpartitions.length);
    if (local.isRecycled()) {
      throw new IllegalStateException(
          "Result partition " + describe() + " was asked to emit a recycled buffer");
    }
    if (released) {
      buffer.recycle();
      throw new ShuffleException(
          "Result partition " + describe() + " was released; it accepts no more data");
    }
    if (finished) {
      buffer.recycle();
      throw new IllegalStateException(
          "Result partition " + describe() + " is finished; it accepts no more data");
    }
    subpartitions[subpartition].add(local);
  }

  @Override
  public void finish() {
    if (released) {
      throw new ShuffleException("Result partition " + describe() + " was released");
    }
    if (finished) {
      throw new IllegalStateException("Result partition " + describe() + " is already finished");
    }
    finished = true;
    for (LocalSubpartition subpartition : subpartitions) {
      subpartition.add(LocalSubpartition.Marker.END_OF_PARTITION);
    }
  }

  @Override
  public void fail(Throwable cause) {
    Objects.requireNonNull(cause, "cause");
    LocalSubpartition.Failure failure =
        new LocalSubpartition.Failure(
            "result partition " + describe() + " failed: " + cause, cause);
    for (LocalSubpartition subpartition : subpartitions) {
      subpartition.fail(failure);
    }
  }

  @Override
  public void release() {
    synchronized (this) {
      if (released) {
        return;
      }
      released = true;
    }
    LocalSubpartition.Failure failure =
        new LocalSubpartition.Failure(
            "result partition "
                + describe()
                + " was released before its consumer read all of it"
                + " (the producer was cancelled or the job was released)",
            null);
    for (LocalSubpartition subpartition : subpartitions) {
      subpartition.fail(failure);
      subpartition.drainAndRecycle();
    }
    pool.release();
    onRelease.accept(this);
  }

  @Override
  public String toString() {
    return "LocalResultPartition[" + describe() + "]";
  }
}
