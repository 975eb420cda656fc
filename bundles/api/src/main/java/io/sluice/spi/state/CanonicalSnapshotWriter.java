package io.sluice.spi.state;

import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a keyed-state snapshot in the {@link KeyedStateHandle#CANONICAL} format, the one every
 * backend reads (savepoints, backend swaps, rescaling). The layout, all integers big-endian:
 *
 * <pre>
 * header:    int magic "SLKS", int version 1, int first key group, int last key group,
 *            int state count, per state: UTF name, byte kind ordinal, boolean ttl
 * per key group of the range, ascending:
 *            int key group, per state in header order:
 *                int entry count, int byte length, the entries ({@link CanonicalSectionWriter})
 * trailer:   int magic "SLKE"
 * </pre>
 *
 * The byte offset of each key group's block goes into the handle's metadata ({@link
 * CanonicalSnapshotReader#offsetsOf}) so a rescaled restore skips to the groups it needs.
 *
 * <p>Sections must come key group by key group in ascending order and, within a group, state by
 * state in header order; the writer enforces it. Confined to the thread writing the snapshot.
 */
public final class CanonicalSnapshotWriter {

  /** The name of the one piece of a canonical snapshot. */
  public static final String PIECE_NAME = "keyed-state";

  static final int MAGIC = 0x534c4b53; // "SLKS"
  static final int TRAILER = 0x534c4b45; // "SLKE"
  static final int META_MAGIC = 0x534c4b4f; // "SLKO"
  static final int VERSION = 1;

  /** Fills the section of one state in one key group. */
  @FunctionalInterface
  public interface SectionSource {
    /**
     * Writes the entries of state number {@code stateIndex} (in the header's order) in {@code
     * keyGroup} into {@code section}, which is empty.
     */
    void fill(int keyGroup, int stateIndex, CanonicalSectionWriter section) throws IOException;
  }

  private final CountingStream counter;
  private final DataOutputStream out;
  private final KeyGroupRange range;
  private final int stateCount;
  private final long[] offsets;
  private int nextKeyGroup;
  private int nextState;

  /** Writes the header to {@code out}; the caller keeps ownership of {@code out}. */
  public CanonicalSnapshotWriter(
      OutputStream out, KeyGroupRange range, List<SnapshotStateInfo> states) throws IOException {
    this.counter = new CountingStream(out);
    this.out = new DataOutputStream(new BufferedOutputStream(counter, 64 * 1024));
    this.range = range;
    this.stateCount = states.size();
    this.offsets = new long[range.size()];
    this.nextKeyGroup = range.startKeyGroup();
    this.out.writeInt(MAGIC);
    this.out.writeInt(VERSION);
    this.out.writeInt(range.startKeyGroup());
    this.out.writeInt(range.endKeyGroup());
    this.out.writeInt(states.size());
    for (SnapshotStateInfo state : states) {
      this.out.writeUTF(state.name());
      this.out.writeByte(state.kind().ordinal());
      this.out.writeBoolean(state.ttl());
    }
  }

  /**
   * Writes a whole snapshot as one piece of {@code target}, asking {@code source} for every
   * section, and returns its handle.
   */
  public static KeyedStateHandle writePiece(
      SnapshotTarget target,
      KeyGroupRange range,
      List<SnapshotStateInfo> states,
      SectionSource source)
      throws IOException {
    try (StateOutputStream stream = target.createPiece(PIECE_NAME)) {
      CanonicalSnapshotWriter writer = new CanonicalSnapshotWriter(stream, range, states);
      CanonicalSectionWriter section = new CanonicalSectionWriter();
      for (int group = range.startKeyGroup(); group <= range.endKeyGroup(); group++) {
        for (int state = 0; state < states.size(); state++) {
          section.clear();
          source.fill(group, state, section);
          writer.writeSection(
              group, state, section.entries(), section.buffer(), 0, section.length());
        }
      }
      byte[] metadata = writer.finish();
      StateHandle piece = stream.closeAndGetHandle();
      return new KeyedStateHandle(KeyedStateHandle.CANONICAL, range, List.of(piece), metadata);
    }
  }

  /** Writes the section of state {@code stateIndex} in {@code keyGroup}: the next one due. */
  public void writeSection(
      int keyGroup, int stateIndex, int entries, byte[] bytes, int offset, int length)
      throws IOException {
    if (keyGroup != nextKeyGroup || stateIndex != nextState) {
      throw new IllegalStateException(
          "canonical sections must come in order: expected key group "
              + nextKeyGroup
              + " state "
              + nextState
              + ", got key group "
              + keyGroup
              + " state "
              + stateIndex);
    }
    if (stateIndex == 0) {
      startKeyGroup(keyGroup);
    }
    out.writeInt(entries);
    out.writeInt(length);
    out.write(bytes, offset, length);
    if (++nextState == stateCount) {
      nextState = 0;
      nextKeyGroup++;
    }
  }

  /** Convenience for {@link #writeSection(int, int, int, byte[], int, int)}. */
  public void writeSection(int keyGroup, int stateIndex, CanonicalSectionWriter section)
      throws IOException {
    writeSection(keyGroup, stateIndex, section.entries(), section.buffer(), 0, section.length());
  }

  /**
   * Writes the trailer and flushes (without closing the stream).
   *
   * @return the handle metadata: the offsets of the key groups
   */
  public byte[] finish() throws IOException {
    if (stateCount == 0) {
      while (nextKeyGroup <= range.endKeyGroup()) {
        startKeyGroup(nextKeyGroup++);
      }
    }
    if (nextKeyGroup != range.endKeyGroup() + 1 || nextState != 0) {
      throw new IllegalStateException(
          "canonical snapshot finished at key group "
              + nextKeyGroup
              + " state "
              + nextState
              + " of range "
              + range);
    }
    out.writeInt(TRAILER);
    out.flush();
    counter.flushThrough();
    DataOutputSerializer meta = new DataOutputSerializer(12 + 8 * offsets.length);
    meta.writeInt(META_MAGIC);
    meta.writeInt(range.startKeyGroup());
    meta.writeInt(offsets.length);
    for (long offset : offsets) {
      meta.writeLong(offset);
    }
    return meta.copyOfBuffer();
  }

  private void startKeyGroup(int keyGroup) throws IOException {
    out.flush();
    offsets[keyGroup - range.startKeyGroup()] = counter.count;
    out.writeInt(keyGroup);
  }

  /** Counts the bytes that reach the piece, for the key groups' offsets. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    /** Only moves bytes out of the buffer above; the piece's own flush may be costly. */
    @Override
    public void flush() {}

    void flushThrough() throws IOException {
      out.flush();
    }
  }
}
