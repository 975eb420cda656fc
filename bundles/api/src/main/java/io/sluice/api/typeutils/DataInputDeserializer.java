package io.sluice.api.typeutils;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link DataInputView} over a range of a byte array, the reading side of {@link
 * DataOutputSerializer}: {@link #setBuffer} a received record's bytes, then deserialize. Reading
 * past the range throws {@link EOFException} and leaves the position where it was, so a caller that
 * holds only part of a record learns that without getting a garbled value.
 *
 * <p>Reads do not allocate, except for the values they return (strings, arrays) and a char array
 * for non-ASCII strings that is kept for reuse.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class DataInputDeserializer implements DataInputView {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final byte[] EMPTY = new byte[0];

  private byte[] buffer = EMPTY;
  private int position;
  private int end;
  private char[] chars = new char[64];

  /** A deserializer with nothing to read until {@link #setBuffer} is called. */
  public DataInputDeserializer() {}

  /** A deserializer reading all of {@code bytes}. */
  public DataInputDeserializer(byte[] bytes) {
    setBuffer(bytes, 0, bytes.length);
  }

  /** A deserializer reading {@code bytes[offset, offset + length)}. */
  public DataInputDeserializer(byte[] bytes, int offset, int length) {
    setBuffer(bytes, offset, length);
  }

  /** Reads {@code bytes[offset, offset + length)} next; the array is not copied. */
  public void setBuffer(byte[] bytes, int offset, int length) {
    Objects.requireNonNull(bytes, "bytes");
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException(
          "range [" + offset + ", " + offset + "+" + length + ") of " + bytes.length + " bytes");
    }
    this.buffer = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  /** Reads all of {@code bytes} next. */
  public void setBuffer(byte[] bytes) {
    setBuffer(bytes, 0, bytes.length);
  }

  /** The bytes left to read. */
  public int available() {
    return end - position;
  }

  /** The index in the array of the next byte to read. */
  public int position() {
    return position;
  }

  @Override
  public void readFully(byte[] bytes) throws EOFException {
    readFully(bytes, 0, bytes.length);
  }

  @Override
  public void readFully(byte[] bytes, int offset, int length) throws EOFException {
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException(
          "range [" + offset + ", " + offset + "+" + length + ") of " + bytes.length + " bytes");
    }
    require(length);
    System.arraycopy(buffer, position, bytes, offset, length);
    position += length;
  }

  @Override
  public int skipBytes(int n) {
    int skipped = Math.max(0, Math.min(n, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public boolean readBoolean() throws EOFException {
    return readByte() != 0;
  }

  @Override
  public byte readByte() throws EOFException {
    if (position >= end) {
      throw eof(1);
    }
    return buffer[position++];
  }

  @Override
  public int readUnsignedByte() throws EOFException {
    return readByte() & 0xFF;
  }

  @Override
  public short readShort() throws EOFException {
    require(2);
    short value = (short) SHORT.get(buffer, position);
    position += 2;
    return value;
  }

  @Override
  public int readUnsignedShort() throws EOFException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws EOFException {
    return (char) readShort();
  }

  @Override
  public int readInt() throws EOFException {
    require(4);
    int value = (int) INT.get(buffer, position);
    position += 4;
    return value;
  }

  @Override
  public long readLong() throws EOFException {
    require(8);
    long value = (long) LONG.get(buffer, position);
    position += 8;
    return value;
  }

  @Override
  public float readFloat() throws EOFException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws EOFException {
    return Double.longBitsToDouble(readLong());
  }

  /**
   * A line of bytes as {@link java.io.DataInput#readLine} specifies: up to {@code \n}, {@code \r}
   * or {@code \r\n}; null at the end of the range.
   */
  @Override
  public String readLine() {
    if (position >= end) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    while (position < end) {
      int b = buffer[position++] & 0xFF;
      if (b == '\n') {
        break;
      }
      if (b == '\r') {
        if (position < end && buffer[position] == '\n') {
          position++;
        }
        break;
      }
      line.append((char) b);
    }
    return line.toString();
  }

  /** Modified UTF-8 with a 2-byte length, as written by {@link DataOutputSerializer#writeUTF}. */
  @Override
  public String readUTF() throws EOFException, UTFDataFormatException {
    int start = position;
    int length = readUnsignedShort();
    if (end - position < length) {
      position = start;
      throw eof(length);
    }
    char[] out = charBuffer(length);
    int count = 0;
    int limit = position + length;
    int p = position;
    while (p < limit) {
      int b = buffer[p++] & 0xFF;
      if (b < 0x80) {
        out[count++] = (char) b;
      } else if ((b & 0xE0) == 0xC0 && p < limit) {
        out[count++] = (char) (((b & 0x1F) << 6) | continuation(buffer[p++], start));
      } else if ((b & 0xF0) == 0xE0 && p + 1 < limit) {
        int c1 = continuation(buffer[p++], start);
        int c2 = continuation(buffer[p++], start);
        out[count++] = (char) (((b & 0x0F) << 12) | (c1 << 6) | c2);
      } else {
        position = start;
        throw new UTFDataFormatException("malformed modified UTF-8 at byte " + (p - 1));
      }
    }
    position = limit;
    return new String(out, 0, count);
  }

  @Override
  public int readVarInt() throws IOException {
    int p = position;
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (p >= end) {
        throw new EOFException(
            "a var-int is cut off after " + (p - position) + " bytes at position " + position);
      }
      int b = buffer[p++];
      if (shift == 28 && (b & 0xF0) != 0) {
        break;
      }
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        position = p;
        return value;
      }
    }
    throw new IOException("malformed var-int at position " + position + " (more than 32 bits)");
  }

  @Override
  public String readString() throws IOException {
    int start = position;
    int length = readVarInt();
    if (length < 0 || end - position < length) {
      position = start;
      if (length < 0) {
        throw new UTFDataFormatException("negative string length " + length + " at " + start);
      }
      throw eof(length);
    }
    int limit = position + length;
    int p = asciiPrefixEnd(position, limit);
    if (p == limit) {
      String ascii = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
      position = limit;
      return ascii;
    }
    String decoded = decodeUtf8(position, p, limit, start);
    position = limit;
    return decoded;
  }

  /**
   * The end of the run of ASCII bytes that starts at {@code from}: eight bytes per step while they
   * are all below 0x80 (a byte-by-byte scan was a fifth of deserializing text-heavy records).
   */
  private int asciiPrefixEnd(int from, int limit) {
    int p = from;
    while (p + Long.BYTES <= limit && ((long) LONG.get(buffer, p) & 0x8080808080808080L) == 0) {
      p += Long.BYTES;
    }
    while (p < limit && buffer[p] >= 0) {
      p++;
    }
    return p;
  }

  /** Decodes UTF-8 (accepting encoded lone surrogates) whose bytes before {@code p} are ASCII. */
  private String decodeUtf8(int from, int p, int limit, int start) throws UTFDataFormatException {
    char[] out = charBuffer(limit - from);
    int count = 0;
    for (int i = from; i < p; i++) {
      out[count++] = (char) buffer[i];
    }
    while (p < limit) {
      int b = buffer[p++] & 0xFF;
      if (b < 0x80) {
        out[count++] = (char) b;
      } else if ((b & 0xE0) == 0xC0 && p < limit) {
        out[count++] = (char) (((b & 0x1F) << 6) | continuation(buffer[p++], start));
      } else if ((b & 0xF0) == 0xE0 && p + 1 < limit) {
        int c1 = continuation(buffer[p++], start);
        int c2 = continuation(buffer[p++], start);
        out[count++] = (char) (((b & 0x0F) << 12) | (c1 << 6) | c2);
      } else if ((b & 0xF8) == 0xF0 && p + 2 < limit) {
        int c1 = continuation(buffer[p++], start);
        int c2 = continuation(buffer[p++], start);
        int c3 = continuation(buffer[p++], start);
        int codePoint = ((b & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
        if (codePoint < 0x10000 || codePoint > Character.MAX_CODE_POINT) {
          position = start;
          throw new UTFDataFormatException("invalid code point in string at " + start);
        }
        out[count++] = Character.highSurrogate(codePoint);
        out[count++] = Character.lowSurrogate(codePoint);
      } else {
        position = start;
        throw new UTFDataFormatException(
            "malformed UTF-8 in the string at position " + start + " (byte " + (p - 1) + ")");
      }
    }
    return new String(out, 0, count);
  }

  private int continuation(byte b, int start) throws UTFDataFormatException {
    if ((b & 0xC0) != 0x80) {
      position = start;
      throw new UTFDataFormatException(
          "malformed UTF-8 in the string at position " + start + ": expected a continuation byte");
    }
    return b & 0x3F;
  }

  private char[] charBuffer(int capacity) {
    if (chars.length < capacity) {
      chars = new char[Math.max(capacity, 2 * chars.length)];
    }
    return chars;
  }

  private void require(int bytes) throws EOFException {
    if (end - position < bytes) {
      throw eof(bytes);
    }
  }

  private EOFException eof(int needed) {
    return new EOFException(
        "needed " + needed + " bytes at position " + position + ", " + (end - position) + " left");
  }

  @Override
  public String toString() {
    return "DataInputDeserializer{position=" + position + ", available=" + available() + "}";
  }
}
