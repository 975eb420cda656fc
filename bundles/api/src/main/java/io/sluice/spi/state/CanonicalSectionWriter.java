package io.sluice.spi.state;

import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.DataOutputView;

/**
 * Builds one section of a canonical snapshot: the entries of one state in one key group. An entry
 * is {@code frame(serialized key)} followed by the state's payload:
 *
 * <ul>
 *   <li>value, reducing, aggregating: {@code frame(value)}
 *   <li>list: {@code int count, count x frame(element)}
 *   <li>map: {@code int count, count x (frame(serialized map key), frame(value))}
 * </ul>
 *
 * where a frame is {@code int length (big-endian) + bytes} and a value (or element) is {@code [long
 * ttl timestamp, if the state has a time-to-live] + bytes of the state's serializer}. These frames
 * are exactly RocksDB's list encoding and the value bytes exactly its value encoding, so that
 * backend copies bytes without deserializing them.
 *
 * <p>Reusable through {@link #clear()}; confined to one thread.
 */
public final class CanonicalSectionWriter {
  private final DataOutputSerializer out = new DataOutputSerializer(4096);
  private int entries;
  private int openFrame = -1;

  /** Empties the section for the next one. */
  public void clear() {
    out.clear();
    entries = 0;
    openFrame = -1;
  }

  /** Starts an entry with its key's serialized bytes. */
  public void key(byte[] bytes, int offset, int length) {
    entries++;
    frame(bytes, offset, length);
  }

  /**
   * Starts an entry whose key is written next into {@link #beginFrame()}'s output; close with
   * {@link #endFrame()}.
   */
  public DataOutputView beginKey() {
    entries++;
    return beginFrame();
  }

  /** The element count of a list or the entry count of a map. */
  public void count(int count) {
    checkNoOpenFrame();
    out.writeInt(count);
  }

  /** A frame holding {@code bytes[offset, offset + length)}. */
  public void frame(byte[] bytes, int offset, int length) {
    checkNoOpenFrame();
    out.writeInt(length);
    out.write(bytes, offset, length);
  }

  /** Opens a frame whose contents the caller writes into the returned output. */
  public DataOutputView beginFrame() {
    checkNoOpenFrame();
    openFrame = out.position();
    out.writeInt(0);
    return out;
  }

  /** Closes the frame opened by {@link #beginFrame()} or {@link #beginKey()}. */
  public void endFrame() {
    if (openFrame < 0) {
      throw new IllegalStateException("no frame is open");
    }
    out.putInt(openFrame, out.position() - openFrame - Integer.BYTES);
    openFrame = -1;
  }

  /** Appends raw bytes that are already a sequence of frames (a RocksDB list value). */
  public void rawFrames(byte[] bytes, int offset, int length) {
    checkNoOpenFrame();
    out.write(bytes, offset, length);
  }

  /**
   * Appends {@code entries} whole entries already in this layout (a section read back from a
   * snapshot, or a part of one).
   */
  public void rawEntries(int entries, byte[] bytes) {
    checkNoOpenFrame();
    this.entries += entries;
    out.write(bytes, 0, bytes.length);
  }

  /** The number of entries (keys) in the section. */
  public int entries() {
    return entries;
  }

  /** The section's bytes, valid in {@code [0, length())} until the next write. */
  public byte[] buffer() {
    return out.getSharedBuffer();
  }

  public int length() {
    checkNoOpenFrame();
    return out.position();
  }

  private void checkNoOpenFrame() {
    if (openFrame >= 0) {
      throw new IllegalStateException("a frame is still open; call endFrame() first");
    }
  }
}
