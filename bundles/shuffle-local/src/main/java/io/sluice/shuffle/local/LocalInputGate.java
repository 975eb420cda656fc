package io.sluice.shuffle.local;

import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ShuffleException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An input gate whose channels read subpartitions of the same JVM directly.
 *
 * <p>Like Flink's single input gate it keeps a queue of the channels that have data, so {@link
 * #pollNext()} costs the same with 2 or 2,000 channels: take the head channel, take one buffer from
 * it, and put the channel back at the tail if it still has data (round robin between busy
 * channels). A channel enters the queue when its subpartition goes from empty to non-empty; if the
 * task thread had found the gate empty, that same step runs the availability listener, exactly
 * once, outside the lock.
 *
 * <p>End-of-partition travels in the channel's queue behind the data, so a channel counts as
 * finished only once its data has been polled: {@link #isChannelFinished} and {@link #isFinished}
 * never run ahead of the data.
 *
 * <p>The gate owns no buffers of its own: local channels hand over the producer's buffers, so the
 * producer's pool bounds the memory in flight.
 *
 * <p>Threading: {@link #pollNext}, {@link #isFinished} and {@link #isChannelFinished} belong to the
 * consumer's task thread; producers call {@link #queueChannel}; {@link #close} may come from any
 * thread. The small lock guards only the channel queue and the waiting flag; it is taken per
 * buffer, never per record.
 */
final class LocalInputGate implements InputGate {

  private final String jobId;
  private final String ownerName;
  private final LocalInputChannel[] channels;
  private final Consumer<LocalInputGate> onClose;

  private final Object lock = new Object();

  /** Channels whose subpartition has data; guarded by {@link #lock}. */
  private final ArrayDeque<LocalInputChannel> channelsWithData;

  /** Whether the task thread found no data and waits for the listener; guarded by the lock. */
  private boolean waitingForData = true;

  /** Guarded by the lock. */
  private Runnable availabilityListener;

  private volatile boolean closed;

  /** Task thread only. */
  private int finishedChannels;

  /** Task thread only: once a channel failed, every later poll reports it again. */
  private ShuffleException failure;

  /**
   * Creates the gate and binds channel {@code i} to subpartition {@code subpartitionIndex} of
   * {@code partitions[i]}; on any error the channels already bound are unbound again.
   */
  LocalInputGate(
      String jobId,
      String ownerName,
      LocalResultPartition[] partitions,
      int subpartitionIndex,
      Consumer<LocalInputGate> onClose) {
    this.jobId = jobId;
    this.ownerName = ownerName;
    this.onClose = onClose;
    this.channels = new LocalInputChannel[partitions.length];
    this.channelsWithData = new ArrayDeque<>(Math.max(1, partitions.length));
    for (int i = 0; i < partitions.length; i++) {
      channels[i] = new LocalInputChannel(this, i, partitions[i].subpartition(subpartitionIndex));
    }
    int bound = 0;
    try {
      for (; bound < channels.length; bound++) {
        channels[bound].subpartition().bind(channels[bound]);
      }
    } catch (RuntimeException e) {
      for (int i = 0; i < bound; i++) {
        channels[i].subpartition().unbind(channels[i]);
      }
      throw e;
    }
  }

  String jobId() {
    return jobId;
  }

  String ownerName() {
    return ownerName;
  }

  @Override
  public int numberOfChannels() {
    return channels.length;
  }

  @Override
  public NetworkBuffer pollNext() {
    if (failure != null) {
      throw new ShuffleException(failure.getMessage(), failure.getCause());
    }
    if (closed) {
      throw new ShuffleException("The input gate of " + ownerName + " is closed");
    }
    while (true) {
      LocalInputChannel channel;
      synchronized (lock) {
        channel = channelsWithData.pollFirst();
        if (channel == null) {
          waitingForData = true;
          return null;
        }
        channel.queued = false;
      }
      LocalSubpartition subpartition = channel.subpartition();
      Object entry = subpartition.poll();
      if (entry == null) {
        // Either a duplicate announcement (harmless) or a released partition drained the queue.
        throwIfFailed(channel, null);
        continue;
      }
      if (subpartition.decrementBacklog() > 0) {
        queueChannel(channel);
      }
      if (entry == LocalSubpartition.Marker.END_OF_PARTITION) {
        // Everything before it was polled: the channel is done, whatever happens upstream later.
        subpartition.markEndOfPartitionConsumed();
        channel.finished = true;
        finishedChannels++;
        continue;
      }
      throwIfFailed(channel, entry);
      if (entry instanceof LocalBuffer buffer) {
        buffer.setChannelIndex(channel.index());
        return buffer;
      }
      // A WAKE_UP without a failure cannot happen; skip it.
    }
  }

  private void throwIfFailed(LocalInputChannel channel, Object entry) {
    LocalSubpartition.Failure cause = channel.subpartition().failure();
    if (cause == null) {
      return;
    }
    if (entry instanceof LocalBuffer buffer) {
      buffer.recycle();
    }
    failure =
        new ShuffleException(
            "Input gate of " + ownerName + ", channel " + channel.index() + ": " + cause.reason(),
            cause.cause());
    throw new ShuffleException(failure.getMessage(), failure.getCause());
  }

  /** Puts a channel with data in the queue (at most once) and wakes a waiting task thread. */
  void queueChannel(LocalInputChannel channel) {
    Runnable toNotify = null;
    synchronized (lock) {
      if (channel.queued || closed) {
        return;
      }
      channel.queued = true;
      channelsWithData.addLast(channel);
      if (waitingForData && availabilityListener != null) {
        waitingForData = false;
        toNotify = availabilityListener;
      }
    }
    if (toNotify != null) {
      toNotify.run();
    }
  }

  @Override
  public void setAvailabilityListener(Runnable listener) {
    Objects.requireNonNull(listener, "listener");
    boolean dataAlreadyWaiting;
    synchronized (lock) {
      availabilityListener = listener;
      // Data that arrived before there was a listener must not go unannounced.
      dataAlreadyWaiting = waitingForData && !channelsWithData.isEmpty();
      if (dataAlreadyWaiting) {
        waitingForData = false;
      }
    }
    if (dataAlreadyWaiting) {
      listener.run();
    }
  }

  @Override
  public boolean isFinished() {
    return finishedChannels == channels.length;
  }

  @Override
  public boolean isChannelFinished(int channel) {
    return channels[channel].finished;
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      channelsWithData.clear();
    }
    for (LocalInputChannel channel : channels) {
      channel.subpartition().consumerClosed();
    }
    onClose.accept(this);
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "LocalInputGate[" + ownerName + ", " + channels.length + " channels]";
  }
}
