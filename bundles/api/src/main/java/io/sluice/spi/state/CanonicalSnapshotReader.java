package io.sluice.spi.state;

import io.sluice.api.state.StateDescriptor;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.checkpoint.StateHandle;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads snapshots written by {@link CanonicalSnapshotWriter}, handing each section of the key
 * groups a backend owns to a {@link SectionVisitor}. Everything the format records is checked as it
 * is read (magic, version, key group range, kinds, counts, lengths, the grammar of every section,
 * the trailer), so a truncated or garbled piece fails with a {@link CorruptCheckpointException}
 * naming the piece rather than with restored garbage; the storage's checksum, checked when the
 * stream reaches its end, catches the rest. Stateless; each call is confined to its thread.
 */
public final class CanonicalSnapshotReader {

  /** Receives the sections of the wanted key groups, in key group order then header order. */
  @FunctionalInterface
  public interface SectionVisitor {
    /**
     * @param bytes the section's entries, validated against {@code state}'s layout; the visitor may
     *     keep the array
     */
    void section(int keyGroup, SnapshotStateInfo state, int entries, byte[] bytes)
        throws IOException;
  }

  /** What a canonical piece holds: the key groups it covers and its states in order. */
  public record Header(KeyGroupRange keyGroupRange, List<SnapshotStateInfo> states) {
    public Header {
      states = List.copyOf(states);
    }
  }

  private static final StateDescriptor.Kind[] KINDS = StateDescriptor.Kind.values();

  private CanonicalSnapshotReader() {}

  /**
   * Reads the sections of the key groups in {@code wanted} from a canonical handle; groups outside
   * it are skipped (a rescale). The whole piece is still read to its end, so that its checksum is
   * verified.
   *
   * @throws IllegalArgumentException if the handle is not in the canonical format
   * @throws CorruptCheckpointException if the piece does not verify or is malformed
   */
  public static Header read(
      KeyedStateHandle handle,
      StateStreamOpener opener,
      KeyGroupRange wanted,
      SectionVisitor visitor)
      throws IOException {
    if (!handle.isCanonical()) {
      throw new IllegalArgumentException(
          "keyed state in format '"
              + handle.format()
              + "' is not canonical ("
              + KeyedStateHandle.CANONICAL
              + ")");
    }
    if (handle.pieces().size() != 1) {
      throw new CorruptCheckpointException(
          "keyed state handle " + handle.keyGroupRange(),
          "1 piece",
          handle.pieces().size() + " pieces");
    }
    StateHandle piece = handle.pieces().get(0);
    try (InputStream stream = opener.open(piece)) {
      return new PieceReader(piece, handle, new CountingStream(stream)).read(wanted, visitor);
    }
  }

  /**
   * The offsets of the key group blocks recorded in a canonical handle's metadata, indexed from the
   * handle range's first group.
   *
   * @throws CorruptCheckpointException if the metadata is not a canonical one for the handle
   */
  public static long[] offsetsOf(KeyedStateHandle handle) throws CorruptCheckpointException {
    String what = "metadata of canonical keyed state " + handle.keyGroupRange();
    DataInputDeserializer in = new DataInputDeserializer(handle.metadata());
    try {
      int magic = in.readInt();
      int start = in.readInt();
      int count = in.readInt();
      KeyGroupRange range = handle.keyGroupRange();
      if (magic != CanonicalSnapshotWriter.META_MAGIC
          || start != range.startKeyGroup()
          || count != range.size()
          || in.available() != Long.BYTES * (long) count) {
        throw new CorruptCheckpointException(
            what,
            "offsets of " + range.size() + " key groups from " + range.startKeyGroup(),
            "magic 0x" + Integer.toHexString(magic) + ", " + count + " offsets from " + start);
      }
      long[] offsets = new long[count];
      for (int i = 0; i < count; i++) {
        offsets[i] = in.readLong();
        if (offsets[i] < 0 || (i > 0 && offsets[i] <= offsets[i - 1])) {
          throw new CorruptCheckpointException(what, "ascending offsets", "offset " + offsets[i]);
        }
      }
      return offsets;
    } catch (EOFException e) {
      throw new CorruptCheckpointException(what, "offsets", handle.metadata().length + " bytes");
    }
  }

  /** Reads one piece front to back; one instance per read. */
  private static final class PieceReader {
    private final StateHandle piece;
    private final KeyedStateHandle handle;
    private final CountingStream counter;
    private final DataInputStream in;

    PieceReader(StateHandle piece, KeyedStateHandle handle, CountingStream counter) {
      this.piece = piece;
      this.handle = handle;
      this.counter = counter;
      this.in = new DataInputStream(counter);
    }

    Header read(KeyGroupRange wanted, SectionVisitor visitor) throws IOException {
      try {
        Header header = readHeader();
        KeyGroupRange range = header.keyGroupRange();
        int first = Math.max(range.startKeyGroup(), wanted.startKeyGroup());
        int last = Math.min(range.endKeyGroup(), wanted.endKeyGroup());
        if (first > last) {
          drain();
          return header;
        }
        long[] offsets = offsetsOf(handle);
        long skipTo = offsets[first - range.startKeyGroup()];
        if (skipTo < counter.count) {
          throw corrupt("key group " + first + " after byte " + counter.count, "offset " + skipTo);
        }
        skip(skipTo - counter.count);
        for (int group = first; group <= last; group++) {
          readKeyGroup(group, header.states(), visitor);
        }
        if (last == range.endKeyGroup()) {
          int trailer = readInt();
          if (trailer != CanonicalSnapshotWriter.TRAILER) {
            throw corrupt("trailer 0x534c4b45", "0x" + Integer.toHexString(trailer));
          }
          if (in.read() >= 0) {
            throw corrupt("end of piece after the trailer", "more bytes");
          }
        } else {
          drain();
        }
        return header;
      } catch (EOFException | UTFDataFormatException e) {
        throw corrupt(
            piece.length() + " well-formed bytes", "end of data at byte " + counter.count);
      }
    }

    private Header readHeader() throws IOException {
      int magic = readInt();
      if (magic != CanonicalSnapshotWriter.MAGIC) {
        throw corrupt(
            "canonical keyed state (magic 0x534c4b53)", "magic 0x" + Integer.toHexString(magic));
      }
      int version = readInt();
      if (version != CanonicalSnapshotWriter.VERSION) {
        throw corrupt(
            "canonical format version " + CanonicalSnapshotWriter.VERSION,
            "version " + version + " (written by a newer Sluice?)");
      }
      int start = readInt();
      int end = readInt();
      KeyGroupRange range = handle.keyGroupRange();
      if (start != range.startKeyGroup() || end != range.endKeyGroup()) {
        throw corrupt("key groups " + range, "key groups [" + start + ", " + end + "]");
      }
      int count = readInt();
      if (count < 0 || count > Short.MAX_VALUE) {
        throw corrupt("a state count", String.valueOf(count));
      }
      List<SnapshotStateInfo> states = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int kind = in.readUnsignedByte();
        boolean ttl = in.readBoolean();
        if (kind >= KINDS.length) {
          throw corrupt("a state kind for state '" + name + "'", "kind number " + kind);
        }
        states.add(new SnapshotStateInfo(name, KINDS[kind], ttl));
      }
      return new Header(range, states);
    }

    private void readKeyGroup(int group, List<SnapshotStateInfo> states, SectionVisitor visitor)
        throws IOException {
      int found = readInt();
      if (found != group) {
        throw corrupt("key group " + group, "key group " + found);
      }
      for (SnapshotStateInfo state : states) {
        int entries = readInt();
        int length = readInt();
        if (entries < 0 || length < 0 || length > piece.length()) {
          throw corrupt(
              "a section of state '" + state.name() + "' in key group " + group,
              entries + " entries in " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        try {
          new CanonicalSectionReader(bytes).validate(state, entries);
        } catch (IllegalStateException e) {
          throw corrupt(
              entries
                  + " entries of "
                  + state.describe()
                  + " '"
                  + state.name()
                  + "' in key group "
                  + group,
              e.getMessage());
        }
        visitor.section(group, state, entries, bytes);
      }
    }

    private int readInt() throws IOException {
      return in.readInt();
    }

    private void skip(long count) throws IOException {
      in.skipNBytes(count);
    }

    /** Reads the rest, so that the storage verifies the piece's length and checksum. */
    private void drain() throws IOException {
      in.transferTo(OutputStream.nullOutputStream());
    }

    private CorruptCheckpointException corrupt(String expected, String actual) {
      return new CorruptCheckpointException(piece.location(), expected, actual);
    }
  }

  /** Counts the bytes read, for skipping to a key group's offset. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
