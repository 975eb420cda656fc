package io.sluice.runtime.network;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Copies between byte arrays like {@link System#arraycopy}, but moves short ranges (up to 16 bytes,
 * the size of a typical serialized element of a few primitives) with at most two 8-byte or 4-byte
 * loads and stores of overlapping words.
 *
 * <p>Why: the record writer copies every element from its scratch array into a network buffer. For
 * short lengths the JVM's byte-array copy stub dominated the producer's profile of the keyBy
 * benchmark (on AVX-512 machines it uses masked vector moves, which cost far more than a couple of
 * plain moves for 13 bytes). Ranges must not overlap (distinct arrays, as in the writer).
 */
final class ByteCopy {

  /** Below or at this length the word moves are used; above it {@link System#arraycopy}. */
  static final int SHORT_LENGTH = 16;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

  private ByteCopy() {}

  /** Copies {@code source[from, from + length)} to {@code target[to, to + length)}. */
  static void copy(byte[] source, int from, byte[] target, int to, int length) {
    if (length > SHORT_LENGTH) {
      System.arraycopy(source, from, target, to, length);
    } else if (length >= Long.BYTES) {
      // Two words that overlap when the length is below 16: first 8 and last 8 bytes.
      long head = (long) LONG.get(source, from);
      long tail = (long) LONG.get(source, from + length - Long.BYTES);
      LONG.set(target, to, head);
      LONG.set(target, to + length - Long.BYTES, tail);
    } else if (length >= Integer.BYTES) {
      int head = (int) INT.get(source, from);
      int tail = (int) INT.get(source, from + length - Integer.BYTES);
      INT.set(target, to, head);
      INT.set(target, to + length - Integer.BYTES, tail);
    } else {
      for (int i = 0; i < length; i++) {
        target[to + i] = source[from + i];
      }
    }
  }
}
