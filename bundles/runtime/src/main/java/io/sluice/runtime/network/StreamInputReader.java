package io.sluice.runtime.network;

import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.NetworkBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns the buffers of an input gate back into stream elements for one consuming subtask.
 *
 * <pre>{@code
 * StreamInputReader<Event> in = new StreamInputReader<>(gate, serializer);
 * gate.setAvailabilityListener(mailbox::wakeUp);
 * switch (in.pollNext(handler)) {
 *   case MORE_AVAILABLE -> ...      // call again soon
 *   case NOTHING_AVAILABLE -> ...   // wait for the listener
 *   case END_OF_INPUT -> ...        // all producers finished
 * }
 * }</pre>
 *
 * <p>Each call takes at most one buffer, so the task loop stays responsive to timers and
 * checkpoints. Elements that lie inside the buffer are decoded in place; an element split across
 * buffers is assembled in its channel's {@link PartialElement} while other channels' buffers keep
 * flowing. The buffer is recycled before the call returns. Nothing is allocated per record besides
 * the deserialized value.
 *
 * <p>Threading: confined to the consumer's task thread, counters included.
 *
 * @param <T> the records read
 */
public final class StreamInputReader<T> {

  private final InputGate gate;
  private final TypeSerializer<T> serializer;
  private final PartialElement[] partials;
  private final long[] channelOffsets;
  private final DataInputDeserializer input = new DataInputDeserializer();

  private long numRecordsIn;
  private long numBytesIn;

  public StreamInputReader(InputGate gate, TypeSerializer<T> serializer) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    int channels = gate.numberOfChannels();
    this.partials = new PartialElement[channels];
    for (int c = 0; c < channels; c++) {
      partials[c] = new PartialElement(c);
    }
    this.channelOffsets = new long[channels];
  }

  /**
   * Processes at most one buffer of the gate, delivering every element completed by it.
   *
   * @throws CorruptElementException if the bytes do not decode
   * @throws io.sluice.spi.shuffle.ShuffleException if a producer failed
   * @throws Exception what the handler throws
   */
  public InputStatus pollNext(ElementHandler<T> handler) throws Exception {
    NetworkBuffer buffer = gate.pollNext();
    if (buffer == null) {
      if (!gate.isFinished()) {
        return InputStatus.NOTHING_AVAILABLE;
      }
      checkNoPartialElements();
      return InputStatus.END_OF_INPUT;
    }
    try {
      int channel = buffer.channelIndex();
      int size = buffer.size();
      numBytesIn += size;
      if (buffer.kind() == NetworkBuffer.Kind.EVENT) {
        deliverEvent(channel, buffer, handler);
      } else {
        processData(channel, buffer.array(), size, handler);
      }
      channelOffsets[channel] += size;
    } finally {
      buffer.recycle();
    }
    return InputStatus.MORE_AVAILABLE;
  }

  public long numRecordsIn() {
    return numRecordsIn;
  }

  /** Bytes of the buffers read (records, watermarks and events). */
  public long numBytesIn() {
    return numBytesIn;
  }

  private void deliverEvent(int channel, NetworkBuffer buffer, ElementHandler<T> handler)
      throws Exception {
    if (!partials[channel].isEmpty()) {
      throw new CorruptElementException(
          channel,
          partials[channel].elementOffset(),
          "an event arrived before the element in progress was complete",
          null);
    }
    handler.onEvent(channel, Arrays.copyOf(buffer.array(), buffer.size()));
  }

  private void processData(int channel, byte[] data, int end, ElementHandler<T> handler)
      throws Exception {
    long base = channelOffsets[channel];
    int position = 0;
    PartialElement partial = partials[channel];
    if (!partial.isEmpty()) {
      position = partial.append(data, 0, end);
      if (!partial.isComplete()) {
        return;
      }
      decode(channel, partial.elementOffset(), partial.spill(), 0, partial.length(), handler);
      partial.clear();
    }
    while (end - position >= ElementFormat.LENGTH_BYTES) {
      int length = ElementFormat.readInt(data, position);
      if (length < 1 || length > end - position - ElementFormat.LENGTH_BYTES) {
        PartialElement.checkLength(channel, base + position, length);
        break; // a valid element that continues in the next buffer
      }
      int start = position + ElementFormat.LENGTH_BYTES;
      position = start + length;
      decode(channel, base + start - ElementFormat.LENGTH_BYTES, data, start, length, handler);
    }
    if (position < end) {
      partial.start(base + position);
      partial.append(data, position, end);
    }
  }

  /** Decodes the element in {@code data[start, start + length)}: tag, then payload. */
  private void decode(
      int channel, long offset, byte[] data, int start, int length, ElementHandler<T> handler)
      throws Exception {
    byte tag = data[start];
    int end = start + length;
    switch (tag) {
      case ElementFormat.RECORD ->
          handler.onRecord(
              deserialize(channel, offset, data, start + 1, end), RecordWriter.NO_TIMESTAMP);
      case ElementFormat.RECORD_WITH_TIMESTAMP -> {
        if (length < 1 + Long.BYTES) {
          throw new CorruptElementException(
              channel, offset, "a timestamped record of only " + length + " bytes", null);
        }
        long timestamp = ElementFormat.readLong(data, start + 1);
        handler.onRecord(
            deserialize(channel, offset, data, start + 1 + Long.BYTES, end), timestamp);
      }
      case ElementFormat.WATERMARK -> {
        if (length != ElementFormat.WATERMARK_LENGTH) {
          throw new CorruptElementException(
              channel, offset, "a watermark of " + length + " bytes instead of 9", null);
        }
        handler.onWatermark(channel, ElementFormat.readLong(data, start + 1));
      }
      case ElementFormat.WATERMARK_STATUS -> {
        if (length != ElementFormat.WATERMARK_STATUS_LENGTH) {
          throw new CorruptElementException(
              channel, offset, "a watermark status of " + length + " bytes instead of 2", null);
        }
        byte status = data[start + 1];
        if (status != ElementFormat.STATUS_ACTIVE && status != ElementFormat.STATUS_IDLE) {
          throw new CorruptElementException(
              channel, offset, "unknown watermark status " + status, null);
        }
        handler.onWatermarkStatus(channel, status == ElementFormat.STATUS_IDLE);
      }
      default ->
          throw new CorruptElementException(channel, offset, "unknown element tag " + tag, null);
    }
  }

  private T deserialize(int channel, long offset, byte[] data, int from, int to) {
    input.setBuffer(data, from, to - from);
    T value;
    try {
      value = serializer.deserialize(input);
    } catch (Exception e) {
      throw serializerFailed(channel, offset, e);
    }
    if (input.available() != 0) {
      throw serializerMismatch(channel, offset, from, to);
    }
    numRecordsIn++;
    return value;
  }

  // The messages are built apart from deserialize, which runs per record and should stay small
  // enough for the JIT to inline it.
  private CorruptElementException serializerFailed(int channel, long offset, Exception e) {
    return new CorruptElementException(
        channel, offset, "serializer for " + serializer.type().getTypeName() + " failed: " + e, e);
  }

  private CorruptElementException serializerMismatch(int channel, long offset, int from, int to) {
    return new CorruptElementException(
        channel,
        offset,
        "serializer for "
            + serializer.type().getTypeName()
            + " read "
            + (input.position() - from)
            + " of "
            + (to - from)
            + " payload bytes; producer and consumer use different serializers",
        null);
  }

  private void checkNoPartialElements() {
    for (int c = 0; c < partials.length; c++) {
      if (!partials[c].isEmpty()) {
        throw new CorruptElementException(
            c, partials[c].elementOffset(), "the channel ended inside this element", null);
      }
    }
  }
}
