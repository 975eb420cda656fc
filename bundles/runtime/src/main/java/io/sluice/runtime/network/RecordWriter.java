package io.sluice.runtime.network;

import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import java.io.IOException;
import java.util.Objects;

/**
 * Serializes the stream elements of one producing subtask into network buffers of its result
 * partition.
 *
 * <pre>{@code
 * RecordWriter<Event> out = new RecordWriter<>(partition, new KeyGroupSelector<>(Event::user, 128),
 *     serializer, false);
 * out.emit(event, event.time());      // may block on a full pool: backpressure
 * out.broadcastWatermark(watermark);
 * out.broadcastWatermarkStatus(true); // this producer is idle
 * out.flushAll();                     // from the buffer-timeout mail
 * out.finish();
 * }</pre>
 *
 * <p>Each element is serialized once into a reusable scratch array (see {@link ElementFormat}) and
 * copied into the partially filled buffer of its subpartition, or of every subpartition when
 * broadcast; a buffer is emitted as soon as it is full, so an element may span any number of
 * buffers. Partial buffers wait for {@link #flushAll()}, unless {@code flushAfterEveryRecord}
 * (buffer timeout 0) emits them after each element. Nothing is allocated per record.
 *
 * <p>Threading: confined to the producer's task thread, including the counters, which are plain
 * fields (metrics read them from that thread or tolerate stale values).
 *
 * @param <T> the records written
 */
public final class RecordWriter<T> {

  /** Timestamp meaning "the record has none": it is written with the RECORD tag. */
  public static final long NO_TIMESTAMP = Long.MIN_VALUE;

  /** Scratch arrays larger than this are given back after the element that grew them. */
  private static final int RETAINED_SCRATCH_BYTES = 1 << 20;

  private final ResultPartitionWriter partition;
  private final ChannelSelector<T> selector;
  private final TypeSerializer<T> serializer;
  private final boolean flushAfterEveryRecord;
  private final int numberOfChannels;
  private final NetworkBuffer[] openBuffers;
  private final int[] fill;
  private DataOutputSerializer scratch = new DataOutputSerializer(256);

  private long numRecordsOut;
  private long numBytesOut;
  private long numBuffersOut;

  public RecordWriter(
      ResultPartitionWriter partition,
      ChannelSelector<T> selector,
      TypeSerializer<T> serializer,
      boolean flushAfterEveryRecord) {
    this.partition = Objects.requireNonNull(partition, "partition");
    this.selector = Objects.requireNonNull(selector, "selector");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.flushAfterEveryRecord = flushAfterEveryRecord;
    this.numberOfChannels = partition.numberOfSubpartitions();
    this.openBuffers = new NetworkBuffer[numberOfChannels];
    this.fill = new int[numberOfChannels];
    selector.setup(numberOfChannels);
  }

  /** Emits {@code value} without a timestamp. */
  public void emit(T value) throws IOException, InterruptedException {
    emit(value, NO_TIMESTAMP);
  }

  /**
   * Emits {@code value} to the channel(s) the selector picks; blocks while the buffer pool is
   * exhausted.
   *
   * @param timestamp the event time, or {@link #NO_TIMESTAMP}
   */
  public void emit(T value, long timestamp) throws IOException, InterruptedException {
    boolean broadcast = selector.isBroadcast();
    int channel = broadcast ? -1 : checkChannel(selector.selectChannel(value));
    int length = serializeRecord(value, timestamp);
    if (broadcast) {
      for (int c = 0; c < numberOfChannels; c++) {
        copyToChannel(c, length);
      }
      if (flushAfterEveryRecord) {
        flushAll();
      }
    } else {
      copyToChannel(channel, length);
      if (flushAfterEveryRecord) {
        flush(channel);
      }
    }
    numRecordsOut++;
    if (scratch.getSharedBuffer().length > RETAINED_SCRATCH_BYTES) {
      scratch = new DataOutputSerializer(RETAINED_SCRATCH_BYTES);
    }
  }

  /** Sends {@code watermark} to every channel, after the records already emitted to it. */
  public void broadcastWatermark(long watermark) throws InterruptedException {
    scratch.clear();
    scratch.writeInt(ElementFormat.WATERMARK_LENGTH);
    scratch.writeByte(ElementFormat.WATERMARK);
    scratch.writeLong(watermark);
    int length = scratch.position();
    for (int c = 0; c < numberOfChannels; c++) {
      copyToChannel(c, length);
    }
    if (flushAfterEveryRecord) {
      flushAll();
    }
  }

  /**
   * Tells every channel that this producer went idle (no watermarks will come for a while) or is
   * active again, after the elements already emitted to it.
   */
  public void broadcastWatermarkStatus(boolean idle) throws InterruptedException {
    scratch.clear();
    scratch.writeInt(ElementFormat.WATERMARK_STATUS_LENGTH);
    scratch.writeByte(ElementFormat.WATERMARK_STATUS);
    scratch.writeByte(idle ? ElementFormat.STATUS_IDLE : ElementFormat.STATUS_ACTIVE);
    int length = scratch.position();
    for (int c = 0; c < numberOfChannels; c++) {
      copyToChannel(c, length);
    }
    if (flushAfterEveryRecord) {
      flushAll();
    }
  }

  /**
   * Flushes, then sends {@code payload} as one EVENT buffer to every channel (checkpoint barriers
   * and other control events), so it follows every element emitted before it.
   *
   * @throws IllegalArgumentException if the payload does not fit in one buffer
   */
  public void broadcastEvent(byte[] payload) throws InterruptedException {
    Objects.requireNonNull(payload, "payload");
    flushAll();
    for (int c = 0; c < numberOfChannels; c++) {
      NetworkBuffer buffer = partition.requestBuffer();
      if (payload.length > buffer.capacity()) {
        buffer.recycle();
        throw new IllegalArgumentException(
            "An event of "
                + payload.length
                + " bytes does not fit in one network buffer of "
                + buffer.capacity()
                + " bytes (partition "
                + partition.id()
                + "); events must be small");
      }
      System.arraycopy(payload, 0, buffer.array(), 0, payload.length);
      buffer.setSize(payload.length);
      buffer.setKind(NetworkBuffer.Kind.EVENT);
      partition.emit(c, buffer);
      numBuffersOut++;
      numBytesOut += payload.length;
    }
  }

  /** Emits every partially filled buffer (the buffer timeout fired, or before an event). */
  public void flushAll() {
    for (int c = 0; c < numberOfChannels; c++) {
      flush(c);
    }
  }

  /** Flushes everything and ends the partition: consumers see end-of-partition after the data. */
  public void finish() {
    flushAll();
    partition.finish();
  }

  /**
   * Recycles partially filled buffers without emitting them: the failure and cancel path. The
   * writer must not be used afterwards.
   */
  public void close() {
    for (int c = 0; c < numberOfChannels; c++) {
      NetworkBuffer buffer = openBuffers[c];
      if (buffer != null) {
        openBuffers[c] = null;
        buffer.recycle();
      }
    }
  }

  public long numRecordsOut() {
    return numRecordsOut;
  }

  /** Bytes in the buffers handed to the partition (records, watermarks and events). */
  public long numBytesOut() {
    return numBytesOut;
  }

  public long numBuffersOut() {
    return numBuffersOut;
  }

  private int checkChannel(int channel) {
    if (channel < 0 || channel >= numberOfChannels) {
      throw new IllegalStateException(
          "Channel selector "
              + selector.getClass().getName()
              + " chose channel "
              + channel
              + " of "
              + numberOfChannels);
    }
    return channel;
  }

  /** Writes the whole element into the scratch array; returns its size including the prefix. */
  private int serializeRecord(T value, long timestamp) throws IOException {
    scratch.clear();
    scratch.writeInt(0);
    if (timestamp == NO_TIMESTAMP) {
      scratch.writeByte(ElementFormat.RECORD);
    } else {
      scratch.writeByte(ElementFormat.RECORD_WITH_TIMESTAMP);
      scratch.writeLong(timestamp);
    }
    serializer.serialize(value, scratch);
    int size = scratch.position();
    scratch.putInt(0, size - ElementFormat.LENGTH_BYTES);
    return size;
  }

  /** Copies {@code scratch[0, length)} into channel {@code c}, emitting buffers as they fill. */
  private void copyToChannel(int c, int length) throws InterruptedException {
    byte[] source = scratch.getSharedBuffer();
    int copied = 0;
    while (copied < length) {
      NetworkBuffer buffer = openBuffers[c];
      if (buffer == null) {
        buffer = partition.requestBuffer();
        buffer.setKind(NetworkBuffer.Kind.DATA);
        openBuffers[c] = buffer;
        fill[c] = 0;
      }
      int position = fill[c];
      int capacity = buffer.capacity();
      int n = Math.min(length - copied, capacity - position);
      ByteCopy.copy(source, copied, buffer.array(), position, n);
      copied += n;
      position += n;
      if (position == capacity) {
        emitBuffer(c, buffer, position);
      } else {
        fill[c] = position;
      }
    }
  }

  private void flush(int c) {
    NetworkBuffer buffer = openBuffers[c];
    if (buffer != null && fill[c] > 0) {
      emitBuffer(c, buffer, fill[c]);
    }
  }

  private void emitBuffer(int c, NetworkBuffer buffer, int size) {
    openBuffers[c] = null;
    fill[c] = 0;
    buffer.setSize(size);
    partition.emit(c, buffer);
    numBuffersOut++;
    numBytesOut += size;
  }
}
