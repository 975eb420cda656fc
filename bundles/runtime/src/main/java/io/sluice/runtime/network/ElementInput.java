package io.sluice.runtime.network;

import io.sluice.api.typeutils.DataInputView;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one stream element in place from a byte range: the network buffer itself when the element
 * lies inside one buffer, or the channel's spill array when it spans buffers.
 *
 * <p>{@link #reset} points it at the next element without allocating, so the reader decodes
 * millions of elements with one instance; reading past the range throws {@link EOFException}. The
 * counterpart of {@link ElementOutput}. Not thread-safe: it belongs to one task thread.
 */
public final class ElementInput implements DataInputView {

  private byte[] data = new byte[0];
  private int position;
  private int limit;

  /** Reads {@code data[offset, limit)} from now on. */
  public void reset(byte[] data, int offset, int limit) {
    if (offset < 0 || limit < offset || limit > data.length) {
      throw new IndexOutOfBoundsException(
          "range [" + offset + ", " + limit + ") of " + data.length + " bytes");
    }
    this.data = data;
    this.position = offset;
    this.limit = limit;
  }

  /** Index of the next byte in the array. */
  public int position() {
    return position;
  }

  /** Bytes left before the end of the range. */
  public int remaining() {
    return limit - position;
  }

  private int take(int bytes) throws EOFException {
    int p = position;
    if (bytes > limit - p) {
      throw new EOFException(
          "needed " + bytes + " more bytes but the element has only " + (limit - p) + " left");
    }
    position = p + bytes;
    return p;
  }

  static int readIntAt(byte[] array, int index) {
    return (array[index] & 0xFF) << 24
        | (array[index + 1] & 0xFF) << 16
        | (array[index + 2] & 0xFF) << 8
        | (array[index + 3] & 0xFF);
  }

  static long readLongAt(byte[] array, int index) {
    return ((long) readIntAt(array, index) << 32) | (readIntAt(array, index + 4) & 0xFFFFFFFFL);
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    if ((off | len) < 0 || off > b.length - len) {
      throw new IndexOutOfBoundsException("offset " + off + ", length " + len + " of " + b.length);
    }
    System.arraycopy(data, take(len), b, off, len);
  }

  @Override
  public int skipBytes(int n) {
    int skipped = Math.max(0, Math.min(n, limit - position));
    position += skipped;
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return data[take(1)] != 0;
  }

  @Override
  public byte readByte() throws IOException {
    return data[take(1)];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return data[take(1)] & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    int p = take(2);
    return (short) ((data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF));
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readShort();
  }

  @Override
  public int readInt() throws IOException {
    return readIntAt(data, take(4));
  }

  @Override
  public long readLong() throws IOException {
    return readLongAt(data, take(8));
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** Reads bytes as Latin-1 chars up to a line terminator, like {@link java.io.DataInput}. */
  @Override
  public String readLine() {
    if (position >= limit) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    while (position < limit) {
      int c = data[position++] & 0xFF;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (position < limit && data[position] == '\n') {
          position++;
        }
        break;
      }
      line.append((char) c);
    }
    return line.toString();
  }

  @Override
  public String readUTF() throws IOException {
    return DataInputStream.readUTF(this);
  }

  @Override
  public int readVarInt() throws IOException {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = data[take(1)];
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new IOException("malformed var-int: more than 5 bytes");
  }

  @Override
  public String readString() throws IOException {
    int length = readVarInt();
    if (length < 0) {
      throw new IOException("negative string length " + length);
    }
    int p = take(length);
    return new String(data, p, length, StandardCharsets.UTF_8);
  }
}
