package io.sluice.api.typeutils;

import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A {@link DataOutputView} over a growable byte array: serialize a record, then hand {@link
 * #getSharedBuffer()}{@code [0, position())} to a network buffer, and {@link #clear()} for the next
 * one. Multi-byte values are big-endian, exactly as {@link java.io.DataOutputStream} writes them.
 *
 * <p>This is on the per-record hot path, so no write allocates unless the array must grow (it
 * doubles) and no write throws {@link java.io.IOException} except {@link #writeUTF} on an over-long
 * string.
 *
 * <p>{@link #writeString} writes the var-int length of the UTF-8 bytes, then the bytes; pure ASCII
 * strings take a copy loop with no encoding. Unpaired surrogates are encoded as 3-byte sequences
 * (as CESU-8 would), so every Java string reads back {@code equals} to what was written — keys must
 * hash the same after a round trip.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class DataOutputSerializer implements DataOutputView {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** Arrays near Integer.MAX_VALUE cannot be allocated on most JVMs. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private byte[] buffer;
  private int position;

  /** A serializer whose array starts with {@code initialCapacity} bytes (at least 1). */
  public DataOutputSerializer(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("negative initial capacity " + initialCapacity);
    }
    this.buffer = new byte[Math.max(1, initialCapacity)];
  }

  /** A serializer with a 256-byte initial array. */
  public DataOutputSerializer() {
    this(256);
  }

  /** The number of bytes written since the last {@link #clear()}. */
  public int position() {
    return position;
  }

  /** Forgets what was written; keeps the array. */
  public void clear() {
    position = 0;
  }

  /**
   * The array written into, valid in {@code [0, position())}. It is replaced when the serializer
   * grows and overwritten after {@link #clear()}, so use it before the next write.
   */
  public byte[] getSharedBuffer() {
    return buffer;
  }

  /**
   * Overwrites four bytes already written at {@code index} with {@code value}, big-endian; for a
   * length prefix that is only known once the rest is written.
   *
   * @throws IndexOutOfBoundsException if {@code [index, index + 4)} is not inside {@code [0,
   *     position())}
   */
  public void putInt(int index, int value) {
    if (index < 0 || index > position - Integer.BYTES) {
      throw new IndexOutOfBoundsException(
          "putInt at " + index + " outside the " + position + " bytes written");
    }
    INT.set(buffer, index, value);
  }

  /** A new array holding exactly the bytes written. */
  public byte[] copyOfBuffer() {
    return Arrays.copyOf(buffer, position);
  }

  @Override
  public void write(int b) {
    ensureCapacity(1);
    buffer[position++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException(
          "range [" + offset + ", " + offset + "+" + length + ") of " + bytes.length + " bytes");
    }
    ensureCapacity(length);
    System.arraycopy(bytes, offset, buffer, position, length);
    position += length;
  }

  @Override
  public void writeBoolean(boolean value) {
    write(value ? 1 : 0);
  }

  @Override
  public void writeByte(int value) {
    write(value);
  }

  @Override
  public void writeShort(int value) {
    ensureCapacity(2);
    SHORT.set(buffer, position, (short) value);
    position += 2;
  }

  @Override
  public void writeChar(int value) {
    writeShort(value);
  }

  @Override
  public void writeInt(int value) {
    ensureCapacity(4);
    INT.set(buffer, position, value);
    position += 4;
  }

  @Override
  public void writeLong(long value) {
    ensureCapacity(8);
    LONG.set(buffer, position, value);
    position += 8;
  }

  @Override
  public void writeFloat(float value) {
    writeInt(Float.floatToIntBits(value));
  }

  @Override
  public void writeDouble(double value) {
    writeLong(Double.doubleToLongBits(value));
  }

  /** The low byte of each char, as {@link java.io.DataOutput#writeBytes} specifies. */
  @Override
  public void writeBytes(String s) {
    int length = s.length();
    ensureCapacity(length);
    for (int i = 0; i < length; i++) {
      buffer[position++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    int length = s.length();
    ensureCapacity(2 * length);
    for (int i = 0; i < length; i++) {
      SHORT.set(buffer, position, (short) s.charAt(i));
      position += 2;
    }
  }

  /** Modified UTF-8 with a 2-byte length, as {@link java.io.DataOutput#writeUTF} specifies. */
  @Override
  public void writeUTF(String s) throws UTFDataFormatException {
    int length = s.length();
    int encoded = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      encoded += (c >= 1 && c < 0x80) ? 1 : (c < 0x800 ? 2 : 3);
    }
    if (encoded > 0xFFFF) {
      throw new UTFDataFormatException(
          "writeUTF takes at most 65535 encoded bytes, this string needs "
              + encoded
              + "; use writeString");
    }
    ensureCapacity(2 + encoded);
    SHORT.set(buffer, position, (short) encoded);
    position += 2;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 1 && c < 0x80) {
        buffer[position++] = (byte) c;
      } else if (c < 0x800) {
        buffer[position++] = (byte) (0xC0 | (c >> 6));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buffer[position++] = (byte) (0xE0 | (c >> 12));
        buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  @Override
  public void writeVarInt(int value) {
    ensureCapacity(5);
    putVarInt(value);
  }

  @Override
  public void writeString(String value) {
    int length = value.length();
    int ascii = 0;
    while (ascii < length && value.charAt(ascii) < 0x80) {
      ascii++;
    }
    if (ascii == length) {
      ensureCapacity(5 + length);
      putVarInt(length);
      putLatin1(value, 0, length);
      return;
    }
    int encoded = ascii + utf8Length(value, ascii);
    ensureCapacity(5 + encoded);
    putVarInt(encoded);
    putLatin1(value, 0, ascii);
    putUtf8(value, ascii);
  }

  private void putVarInt(int value) {
    byte[] b = buffer;
    int p = position;
    while ((value & ~0x7F) != 0) {
      b[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[p++] = (byte) value;
    position = p;
  }

  /** Copies chars below 0x100 as single bytes; a bulk array copy for compact strings. */
  @SuppressWarnings("deprecation")
  private void putLatin1(String s, int from, int to) {
    s.getBytes(from, to, buffer, position);
    position += to - from;
  }

  private static int utf8Length(String s, int from) {
    int length = s.length();
    int bytes = 0;
    for (int i = from; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private void putUtf8(String s, int from) {
    byte[] b = buffer;
    int p = position;
    int length = s.length();
    for (int i = from; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xF0 | (codePoint >> 18));
        b[p++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (codePoint & 0x3F));
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    position = p;
  }

  private void ensureCapacity(int extra) {
    if (buffer.length - position < extra) {
      grow(extra);
    }
  }

  private void grow(int extra) {
    long needed = (long) position + extra;
    if (needed > MAX_CAPACITY) {
      throw new OutOfMemoryError(
          "a serialized record cannot exceed " + MAX_CAPACITY + " bytes, needed " + needed);
    }
    long doubled = Math.max(needed, 2L * buffer.length);
    buffer = Arrays.copyOf(buffer, (int) Math.min(doubled, MAX_CAPACITY));
  }

  @Override
  public String toString() {
    return "DataOutputSerializer{position=" + position + ", capacity=" + buffer.length + "}";
  }
}
