package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataInputView;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads the var-int element count of an array or collection and rejects counts that corrupt input
 * could produce, before anything is allocated for them.
 */
final class Lengths {
  /** Collections allocate at most this many slots up front; they grow past it as elements come. */
  static final int MAX_PREALLOCATED = 4096;

  private Lengths() {}

  /**
   * The count of elements that each take at least {@code minBytesPerElement} bytes.
   *
   * @throws IOException if it is negative, or more than the bytes left can hold
   */
  static int read(DataInputView in, int minBytesPerElement) throws IOException {
    int count = in.readVarInt();
    if (count < 0) {
      throw new IOException("corrupt input: negative element count " + count);
    }
    if (in instanceof DataInputDeserializer bytes
        && (long) count * minBytesPerElement > bytes.available()) {
      throw new EOFException(
          count
              + " elements need at least "
              + (long) count * minBytesPerElement
              + " bytes, "
              + bytes.available()
              + " left");
    }
    return count;
  }
}
