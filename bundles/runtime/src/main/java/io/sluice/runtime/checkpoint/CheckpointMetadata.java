package io.sluice.runtime.checkpoint;

import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.SnapshotKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the coordinator records for a completed checkpoint or savepoint (the storage's opaque
 * metadata bytes): the state handles of every operator subtask and the enumerator state of every
 * source, by operator id, so a job with the same uids can be restored at any parallelism.
 */
public record CheckpointMetadata(
    long checkpointId,
    SnapshotKind kind,
    long timestamp,
    int maxParallelism,
    Map<String, OperatorState> operators,
    Map<String, EnumeratorState> enumerators) {

  private static final int MAGIC = 0x534c434b; // "SLCK"
  private static final int VERSION = 1;

  public CheckpointMetadata {
    operators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(operators));
    enumerators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(enumerators));
  }

  /** Every piece the checkpoint references. */
  public List<StateHandle> pieces() {
    List<StateHandle> pieces = new ArrayList<>();
    for (OperatorState operator : operators.values()) {
      for (OperatorSubtaskState subtask : operator.subtasks().values()) {
        pieces.addAll(subtask.pieces());
      }
    }
    return pieces;
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeLong(checkpointId);
      out.writeByte(kind.ordinal());
      out.writeLong(timestamp);
      out.writeInt(maxParallelism);
      out.writeInt(operators.size());
      for (OperatorState operator : operators.values()) {
        out.writeUTF(operator.operatorId());
        out.writeInt(operator.parallelism());
        out.writeInt(operator.subtasks().size());
        for (Map.Entry<Integer, OperatorSubtaskState> entry : operator.subtasks().entrySet()) {
          out.writeInt(entry.getKey());
          writeSubtask(entry.getValue(), out);
        }
      }
      out.writeInt(enumerators.size());
      for (Map.Entry<String, EnumeratorState> entry : enumerators.entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeInt(entry.getValue().version());
        out.writeInt(entry.getValue().bytes().length);
        out.write(entry.getValue().bytes());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // in-memory stream
    }
    return bytes.toByteArray();
  }

  /**
   * @param what the checkpoint's path or id, for messages
   * @throws IOException if the bytes are not metadata of a known version
   */
  public static CheckpointMetadata decode(byte[] metadata, String what) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(metadata))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(what + " is not a Sluice checkpoint (bad metadata magic)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(
            what
                + " has checkpoint metadata version "
                + version
                + "; this runtime reads "
                + VERSION);
      }
      long id = in.readLong();
      int kind = in.readUnsignedByte();
      if (kind >= SnapshotKind.values().length) {
        throw new IOException(what + ": unknown snapshot kind " + kind);
      }
      long timestamp = in.readLong();
      int maxParallelism = in.readInt();
      Map<String, OperatorState> operators = new LinkedHashMap<>();
      int operatorCount = in.readInt();
      for (int i = 0; i < operatorCount; i++) {
        String operatorId = in.readUTF();
        int parallelism = in.readInt();
        int subtaskCount = in.readInt();
        Map<Integer, OperatorSubtaskState> subtasks = new LinkedHashMap<>();
        for (int j = 0; j < subtaskCount; j++) {
          subtasks.put(in.readInt(), readSubtask(in));
        }
        operators.put(operatorId, new OperatorState(operatorId, parallelism, subtasks));
      }
      Map<String, EnumeratorState> enumerators = new LinkedHashMap<>();
      int enumeratorCount = in.readInt();
      for (int i = 0; i < enumeratorCount; i++) {
        String operatorId = in.readUTF();
        int stateVersion = in.readInt();
        byte[] state = new byte[in.readInt()];
        in.readFully(state);
        enumerators.put(operatorId, new EnumeratorState(stateVersion, state));
      }
      return new CheckpointMetadata(
          id, SnapshotKind.values()[kind], timestamp, maxParallelism, operators, enumerators);
    } catch (java.io.EOFException e) {
      throw new IOException(what + ": checkpoint metadata ends too early", e);
    }
  }

  private static void writeSubtask(OperatorSubtaskState state, DataOutputStream out)
      throws IOException {
    writeRange(state.keyGroupRange(), out);
    out.writeBoolean(state.keyed() != null);
    if (state.keyed() != null) {
      KeyedStateHandle keyed = state.keyed();
      out.writeUTF(keyed.format());
      writeRange(keyed.keyGroupRange(), out);
      out.writeInt(keyed.pieces().size());
      for (StateHandle piece : keyed.pieces()) {
        writeHandle(piece, out);
      }
      out.writeInt(keyed.metadata().length);
      out.write(keyed.metadata());
    }
    writeOptionalHandle(state.operatorState(), out);
    writeOptionalHandle(state.timers(), out);
  }

  private static OperatorSubtaskState readSubtask(DataInputStream in) throws IOException {
    KeyGroupRange range = readRange(in);
    KeyedStateHandle keyed = null;
    if (in.readBoolean()) {
      String format = in.readUTF();
      KeyGroupRange keyedRange = readRange(in);
      int count = in.readInt();
      List<StateHandle> pieces = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        pieces.add(readHandle(in));
      }
      byte[] metadata = new byte[in.readInt()];
      in.readFully(metadata);
      keyed = new KeyedStateHandle(format, keyedRange, pieces, metadata);
    }
    StateHandle operatorState = readOptionalHandle(in);
    StateHandle timers = readOptionalHandle(in);
    return new OperatorSubtaskState(keyed, operatorState, timers, range);
  }

  private static void writeRange(KeyGroupRange range, DataOutputStream out) throws IOException {
    out.writeInt(range.startKeyGroup());
    out.writeInt(range.endKeyGroup());
  }

  private static KeyGroupRange readRange(DataInputStream in) throws IOException {
    return new KeyGroupRange(in.readInt(), in.readInt());
  }

  private static void writeOptionalHandle(StateHandle handle, DataOutputStream out)
      throws IOException {
    out.writeBoolean(handle != null);
    if (handle != null) {
      writeHandle(handle, out);
    }
  }

  private static StateHandle readOptionalHandle(DataInputStream in) throws IOException {
    return in.readBoolean() ? readHandle(in) : null;
  }

  private static void writeHandle(StateHandle handle, DataOutputStream out) throws IOException {
    out.writeUTF(handle.storage());
    out.writeUTF(handle.location());
    out.writeLong(handle.length());
    out.writeLong(handle.checksum());
  }

  private static StateHandle readHandle(DataInputStream in) throws IOException {
    return new StateHandle(in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
  }
}
