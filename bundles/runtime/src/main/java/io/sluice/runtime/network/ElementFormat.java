package io.sluice.runtime.network;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The wire format of stream elements inside DATA buffers, shared by {@link RecordWriter} and {@link
 * StreamInputReader}.
 *
 * <pre>
 * +----------------------+-----+--------------------------------------------+
 * | length (int, BE, 4B) | tag | payload (length - 1 bytes)                 |
 * +----------------------+-----+--------------------------------------------+
 *   tag RECORD:                 serialized value
 *   tag RECORD_WITH_TIMESTAMP:  timestamp (long, 8B), serialized value
 *   tag WATERMARK:              watermark (long, 8B)
 *   tag WATERMARK_STATUS:       1 = idle, 0 = active (1B)
 * </pre>
 *
 * The length counts the tag and the payload. Elements follow each other without padding and may be
 * split at any byte across consecutive buffers of a channel, the length prefix included.
 */
final class ElementFormat {

  static final int LENGTH_BYTES = 4;

  static final byte RECORD = 0;
  static final byte RECORD_WITH_TIMESTAMP = 1;
  static final byte WATERMARK = 2;
  static final byte WATERMARK_STATUS = 3;

  /** Tag plus watermark. */
  static final int WATERMARK_LENGTH = 1 + Long.BYTES;

  /** Tag plus status byte. */
  static final int WATERMARK_STATUS_LENGTH = 2;

  static final byte STATUS_ACTIVE = 0;
  static final byte STATUS_IDLE = 1;

  /** Larger lengths are taken as corruption rather than allocated. */
  static final int MAX_ELEMENT_LENGTH = 1 << 30;

  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private ElementFormat() {}

  /** The big-endian int at {@code array[index, index + 4)}: a length prefix. */
  static int readInt(byte[] array, int index) {
    return (int) INT.get(array, index);
  }

  /** The big-endian long at {@code array[index, index + 8)}: a timestamp or watermark. */
  static long readLong(byte[] array, int index) {
    return (long) LONG.get(array, index);
  }
}
