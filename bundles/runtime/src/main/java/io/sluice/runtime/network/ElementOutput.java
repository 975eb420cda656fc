package io.sluice.runtime.network;

import io.sluice.api.typeutils.DataOutputView;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * A growable byte array that serializers write one stream element into before the record writer
 * copies it into network buffers.
 *
 * <pre>{@code
 * ElementOutput out = new ElementOutput(256);
 * out.writeInt(0);                  // room for the length
 * serializer.serialize(value, out);
 * out.putInt(0, out.position() - 4);
 * }</pre>
 *
 * <p>Big-endian like {@link java.io.DataOutputStream}. The array is reused across elements, so
 * writing allocates only when an element is larger than any before it; {@link #prune} gives memory
 * back after an unusually large one. Not thread-safe: it belongs to one task thread.
 */
public final class ElementOutput implements DataOutputView {

  private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

  private byte[] buffer;
  private int position;

  public ElementOutput(int initialCapacity) {
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** The backing array; valid bytes are {@code [0, position())}. */
  public byte[] array() {
    return buffer;
  }

  /** Number of bytes written since the last {@link #clear()}. */
  public int position() {
    return position;
  }

  public void clear() {
    position = 0;
  }

  /** Overwrites four bytes at {@code index} (already written) with {@code value}, big-endian. */
  public void putInt(int index, int value) {
    if (index < 0 || index > position - Integer.BYTES) {
      throw new IndexOutOfBoundsException(
          "putInt at " + index + " outside the " + position + " bytes written");
    }
    writeIntAt(buffer, index, value);
  }

  /** Shrinks the backing array back to {@code capacity} if it grew beyond it; clears the output. */
  public void prune(int capacity) {
    position = 0;
    if (buffer.length > capacity) {
      buffer = new byte[Math.max(16, capacity)];
    }
  }

  private void ensureRoom(int bytes) {
    int required = position + bytes;
    if (required - buffer.length > 0 || required < 0) {
      grow(required);
    }
  }

  private void grow(int required) {
    if (required < 0 || required > MAX_ARRAY_SIZE) {
      throw new OutOfMemoryError(
          "A stream element cannot exceed " + MAX_ARRAY_SIZE + " bytes; requested " + required);
    }
    int doubled = buffer.length > MAX_ARRAY_SIZE / 2 ? MAX_ARRAY_SIZE : buffer.length * 2;
    buffer = Arrays.copyOf(buffer, Math.max(doubled, required));
  }

  static void writeIntAt(byte[] array, int index, int value) {
    array[index] = (byte) (value >>> 24);
    array[index + 1] = (byte) (value >>> 16);
    array[index + 2] = (byte) (value >>> 8);
    array[index + 3] = (byte) value;
  }

  @Override
  public void write(int b) {
    ensureRoom(1);
    buffer[position++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if ((off | len) < 0 || off > b.length - len) {
      throw new IndexOutOfBoundsException("offset " + off + ", length " + len + " of " + b.length);
    }
    ensureRoom(len);
    System.arraycopy(b, off, buffer, position, len);
    position += len;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensureRoom(2);
    buffer[position] = (byte) (v >>> 8);
    buffer[position + 1] = (byte) v;
    position += 2;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    ensureRoom(4);
    writeIntAt(buffer, position, v);
    position += 4;
  }

  @Override
  public void writeLong(long v) {
    ensureRoom(8);
    writeIntAt(buffer, position, (int) (v >>> 32));
    writeIntAt(buffer, position + 4, (int) v);
    position += 8;
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  /** Writes the low byte of every char, like {@link java.io.DataOutputStream#writeBytes}. */
  @Override
  public void writeBytes(String s) {
    int len = s.length();
    ensureRoom(len);
    for (int i = 0; i < len; i++) {
      buffer[position++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    int len = s.length();
    ensureRoom(len * 2);
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      buffer[position++] = (byte) (c >>> 8);
      buffer[position++] = (byte) c;
    }
  }

  /** Modified UTF-8 with a two-byte length, readable by {@link java.io.DataInput#readUTF}. */
  @Override
  public void writeUTF(String s) throws UTFDataFormatException {
    int len = s.length();
    long encoded = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      encoded += (c >= 0x0001 && c <= 0x007F) ? 1 : (c <= 0x07FF ? 2 : 3);
    }
    if (encoded > 0xFFFF) {
      throw new UTFDataFormatException(
          "writeUTF takes at most 65535 encoded bytes, got " + encoded + "; use writeString");
    }
    ensureRoom(2 + (int) encoded);
    buffer[position++] = (byte) (encoded >>> 8);
    buffer[position++] = (byte) encoded;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        buffer[position++] = (byte) c;
      } else if (c <= 0x07FF) {
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
    ensureRoom(5);
    int v = value;
    while ((v & ~0x7F) != 0) {
      buffer[position++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buffer[position++] = (byte) v;
  }

  /**
   * Standard UTF-8, encoded straight into the array without a temporary {@code byte[]}; an unpaired
   * surrogate becomes {@code '?'}, as with {@link String#getBytes(java.nio.charset.Charset)}.
   */
  @Override
  public void writeString(String value) {
    int len = value.length();
    int encoded = 0;
    for (int i = 0; i < len; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        encoded += 1;
      } else if (c < 0x800) {
        encoded += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        encoded += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        encoded += 1;
      } else {
        encoded += 3;
      }
    }
    writeVarInt(encoded);
    ensureRoom(encoded);
    byte[] b = buffer;
    int p = position;
    for (int i = 0; i < len; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, value.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        b[p++] = (byte) '?';
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    position = p;
  }
}
