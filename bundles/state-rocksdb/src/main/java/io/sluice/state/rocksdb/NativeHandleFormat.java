package io.sluice.state.rocksdb;

import io.sluice.api.state.StateDescriptor;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.SnapshotStateInfo;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The native format of RocksDB checkpoints, {@value #FORMAT}: the handle's pieces are the files of
 * a RocksDB checkpoint (in an incremental checkpoint the SST files are shared pieces, reused by
 * later checkpoints while the database keeps them; in a full one, and always for MANIFEST, CURRENT
 * and OPTIONS, pieces of the checkpoint's own), and its metadata names them:
 *
 * <pre>
 * int magic "SLKI", int version 1, int first key group, int last key group,
 * int state count, per state: UTF name, byte kind ordinal, boolean ttl,
 * int file count, per file (in the order of the pieces): UTF file name
 * </pre>
 *
 * Stateless.
 */
final class NativeHandleFormat {
  /** The name full native checkpoints carry too: incremental ones had the format first. */
  static final String FORMAT = "rocksdb-incremental-v1";

  private static final int MAGIC = 0x534c4b49; // "SLKI"
  private static final int VERSION = 1;
  private static final StateDescriptor.Kind[] KINDS = StateDescriptor.Kind.values();

  /** The metadata of a native handle, decoded. */
  record Contents(KeyGroupRange range, List<SnapshotStateInfo> states, List<String> files) {}

  private NativeHandleFormat() {}

  static KeyedStateHandle handle(
      KeyGroupRange range,
      List<SnapshotStateInfo> states,
      List<String> files,
      List<StateHandle> pieces) {
    DataOutputSerializer out = new DataOutputSerializer(256);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(range.startKeyGroup());
    out.writeInt(range.endKeyGroup());
    out.writeInt(states.size());
    try {
      for (SnapshotStateInfo state : states) {
        out.writeUTF(state.name());
        out.writeByte(state.kind().ordinal());
        out.writeBoolean(state.ttl());
      }
      out.writeInt(files.size());
      for (String file : files) {
        out.writeUTF(file);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("a state or file name is too long for the format", e);
    }
    return new KeyedStateHandle(FORMAT, range, pieces, out.copyOfBuffer());
  }

  static Contents read(KeyedStateHandle handle) throws CorruptCheckpointException {
    String what = "metadata of native RocksDB state " + handle.keyGroupRange();
    DataInputDeserializer in = new DataInputDeserializer(handle.metadata());
    try {
      int magic = in.readInt();
      int version = in.readInt();
      if (magic != MAGIC || version != VERSION) {
        throw new CorruptCheckpointException(
            what,
            "magic 0x534c4b49 version " + VERSION,
            "magic 0x" + Integer.toHexString(magic) + " version " + version);
      }
      KeyGroupRange range = new KeyGroupRange(in.readInt(), in.readInt());
      if (!range.equals(handle.keyGroupRange())) {
        throw new CorruptCheckpointException(
            what, handle.keyGroupRange().toString(), range.toString());
      }
      int stateCount = in.readInt();
      if (stateCount < 0 || stateCount > Short.MAX_VALUE) {
        throw new CorruptCheckpointException(what, "a state count", String.valueOf(stateCount));
      }
      List<SnapshotStateInfo> states = new ArrayList<>();
      for (int i = 0; i < stateCount; i++) {
        String name = in.readUTF();
        int kind = in.readUnsignedByte();
        if (kind >= KINDS.length) {
          throw new CorruptCheckpointException(what, "a state kind", "kind number " + kind);
        }
        states.add(new SnapshotStateInfo(name, KINDS[kind], in.readBoolean()));
      }
      int fileCount = in.readInt();
      if (fileCount != handle.pieces().size()) {
        throw new CorruptCheckpointException(
            what, handle.pieces().size() + " file names", fileCount + " file names");
      }
      List<String> files = new ArrayList<>();
      for (int i = 0; i < fileCount; i++) {
        String file = in.readUTF();
        if (!file.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
          throw new CorruptCheckpointException(what, "a RocksDB file name", "'" + file + "'");
        }
        files.add(file);
      }
      if (in.available() != 0) {
        throw new CorruptCheckpointException(
            what, "end of metadata", in.available() + " more bytes");
      }
      return new Contents(range, states, files);
    } catch (EOFException | IllegalArgumentException e) {
      throw new CorruptCheckpointException(what, "well-formed metadata", e.toString());
    } catch (IOException e) {
      throw new CorruptCheckpointException(what, "well-formed metadata", e.toString());
    }
  }
}
