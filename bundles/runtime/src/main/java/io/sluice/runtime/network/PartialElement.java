package io.sluice.runtime.network;

/**
 * The part of a stream element that one channel has received so far, while the rest is still in
 * later buffers of that channel; other channels go on meanwhile.
 *
 * <p>It first collects the four length bytes (which may themselves be split), then copies the tag
 * and payload into a spill array that grows to the largest element seen and is then reused.
 *
 * <p>Threading: task thread only.
 */
final class PartialElement {

  private final int channel;
  private int lengthBytes;
  private int length;
  private byte[] spill = new byte[64];
  private int filled;

  /** Stream offset of the element being assembled, for errors. */
  private long elementOffset;

  PartialElement(int channel) {
    this.channel = channel;
  }

  boolean isEmpty() {
    return lengthBytes == 0;
  }

  boolean isComplete() {
    return lengthBytes == ElementFormat.LENGTH_BYTES && filled == length;
  }

  /** Starts assembling an element that begins at {@code streamOffset}. */
  void start(long streamOffset) {
    elementOffset = streamOffset;
  }

  long elementOffset() {
    return elementOffset;
  }

  byte[] spill() {
    return spill;
  }

  int length() {
    return length;
  }

  /**
   * Takes bytes from {@code data[position, end)} until the element is complete or the data runs
   * out; returns the new position.
   */
  int append(byte[] data, int position, int end) {
    int p = position;
    while (lengthBytes < ElementFormat.LENGTH_BYTES) {
      if (p == end) {
        return p;
      }
      length = (length << 8) | (data[p++] & 0xFF);
      if (++lengthBytes == ElementFormat.LENGTH_BYTES) {
        checkLength(channel, elementOffset, length);
        if (spill.length < length) {
          spill =
              new byte
                  [Math.max(length, Math.min(ElementFormat.MAX_ELEMENT_LENGTH, 2 * spill.length))];
        }
      }
    }
    int n = Math.min(length - filled, end - p);
    System.arraycopy(data, p, spill, filled, n);
    filled += n;
    return p + n;
  }

  void clear() {
    lengthBytes = 0;
    length = 0;
    filled = 0;
  }

  static void checkLength(int channel, long offset, int length) {
    if (length < 1 || length > ElementFormat.MAX_ELEMENT_LENGTH) {
      throw new CorruptElementException(
          channel,
          offset,
          "length "
              + length
              + " is outside [1, "
              + ElementFormat.MAX_ELEMENT_LENGTH
              + "]; producer and consumer disagree on the stream format",
          null);
    }
  }
}
