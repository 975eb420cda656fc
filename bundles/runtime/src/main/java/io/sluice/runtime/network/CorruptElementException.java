package io.sluice.runtime.network;

import io.sluice.spi.shuffle.ShuffleException;

/**
 * A stream element could not be decoded: a length or tag out of range, a serializer that failed or
 * read a different number of bytes than were written (usually mismatched serializers), or a channel
 * that ended inside an element.
 */
public class CorruptElementException extends ShuffleException {
  private static final long serialVersionUID = 1L;

  private final int channel;
  private final long offset;

  /**
   * @param channel the input channel
   * @param offset the byte offset of the element in the channel's stream
   */
  public CorruptElementException(int channel, long offset, String problem, Throwable cause) {
    super(
        "Corrupt stream element on input channel "
            + channel
            + " at byte offset "
            + offset
            + ": "
            + problem,
        cause);
    this.channel = channel;
    this.offset = offset;
  }

  public int channel() {
    return channel;
  }

  public long offset() {
    return offset;
  }
}
