package io.sluice.spi.state;

import io.sluice.api.state.StateDescriptor;

/**
 * Walks the bytes of one section written by {@link CanonicalSectionWriter}: counts and frames in
 * the order the state's kind lays them out. Sections handed out by {@link CanonicalSnapshotReader}
 * were validated when they were read, so a malformed one here means a bug, reported as {@link
 * IllegalStateException}. Confined to one thread.
 */
public final class CanonicalSectionReader {
  private final byte[] bytes;
  private final int end;
  private int position;
  private int frameOffset;
  private int frameLength;

  public CanonicalSectionReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public CanonicalSectionReader(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  public boolean hasRemaining() {
    return position < end;
  }

  /** Reads a list's element count or a map's entry count. */
  public int readCount() {
    int count = readInt();
    if (count < 0) {
      throw malformed("negative count " + count);
    }
    return count;
  }

  /**
   * Reads the next frame; its contents are {@code bytes()[frameOffset(), frameOffset() +
   * frameLength())}.
   */
  public void nextFrame() {
    int length = readInt();
    if (length < 0 || length > end - position) {
      throw malformed("frame of " + length + " bytes with " + (end - position) + " left");
    }
    frameOffset = position;
    frameLength = length;
    position += length;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int frameOffset() {
    return frameOffset;
  }

  public int frameLength() {
    return frameLength;
  }

  /** The offset of the next unread byte. */
  public int position() {
    return position;
  }

  private int readInt() {
    if (end - position < Integer.BYTES) {
      throw malformed("needed 4 bytes, " + (end - position) + " left");
    }
    int value =
        ((bytes[position] & 0xff) << 24)
            | ((bytes[position + 1] & 0xff) << 16)
            | ((bytes[position + 2] & 0xff) << 8)
            | (bytes[position + 3] & 0xff);
    position += Integer.BYTES;
    return value;
  }

  private IllegalStateException malformed(String what) {
    return new IllegalStateException(
        "malformed canonical state section at byte " + position + ": " + what);
  }

  /**
   * Checks that {@code entries} entries of a state laid out as {@code state} fill the section
   * exactly.
   *
   * @throws IllegalStateException naming what is wrong
   */
  public void validate(SnapshotStateInfo state, int entries) {
    for (int i = 0; i < entries; i++) {
      nextFrame(); // the key
      if (state.isValueLike()) {
        nextValue(state);
      } else {
        int count = readCount();
        for (int j = 0; j < count; j++) {
          if (state.kind() == StateDescriptor.Kind.MAP) {
            nextFrame();
          }
          nextValue(state);
        }
      }
    }
    if (hasRemaining()) {
      throw malformed((end - position) + " bytes after the last of " + entries + " entries");
    }
  }

  private void nextValue(SnapshotStateInfo state) {
    nextFrame();
    if (state.ttl() && frameLength < Long.BYTES) {
      throw malformed("value of " + frameLength + " bytes has no timestamp");
    }
  }
}
