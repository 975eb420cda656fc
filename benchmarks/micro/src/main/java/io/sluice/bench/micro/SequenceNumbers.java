package io.sluice.bench.micro;

import io.sluice.spi.shuffle.NetworkBuffer;

/** The int that the hand-off benchmark's producer writes into each buffer, big-endian. */
final class SequenceNumbers {
  static final int BYTES = Integer.BYTES;

  private SequenceNumbers() {}

  static void write(NetworkBuffer buffer, int sequence) {
    byte[] array = buffer.array();
    array[0] = (byte) (sequence >>> 24);
    array[1] = (byte) (sequence >>> 16);
    array[2] = (byte) (sequence >>> 8);
    array[3] = (byte) sequence;
    buffer.setSize(BYTES);
  }

  static int read(NetworkBuffer buffer) {
    byte[] array = buffer.array();
    return (array[0] & 0xff) << 24
        | (array[1] & 0xff) << 16
        | (array[2] & 0xff) << 8
        | (array[3] & 0xff);
  }
}
