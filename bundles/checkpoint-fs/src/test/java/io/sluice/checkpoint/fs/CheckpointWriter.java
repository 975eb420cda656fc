package io.sluice.checkpoint.fs;

import io.sluice.spi.checkpoint.CheckpointHandle;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes and reads whole checkpoints the way the coordinator and tasks will. */
final class CheckpointWriter {
  private CheckpointWriter() {}

  static StateHandle writePiece(
      CheckpointStorage storage, String jobId, long checkpointId, String name, byte[] bytes)
      throws IOException {
    try (StateOutputStream out = storage.createStateStream(jobId, checkpointId, name)) {
      out.write(bytes);
      return out.closeAndGetHandle();
    }
  }

  /** Writes the pieces in order, then commits them with the metadata. */
  static CheckpointHandle writeCheckpoint(
      CheckpointStorage storage,
      String jobId,
      long checkpointId,
      Map<String, byte[]> pieces,
      byte[] metadata)
      throws IOException {
    List<StateHandle> handles = new ArrayList<>();
    for (Map.Entry<String, byte[]> piece : pieces.entrySet()) {
      handles.add(writePiece(storage, jobId, checkpointId, piece.getKey(), piece.getValue()));
    }
    return storage.commitMetadata(jobId, checkpointId, handles, metadata);
  }

  /** A checkpoint with two small pieces whose contents name the checkpoint. */
  static CheckpointHandle writeSimple(CheckpointStorage storage, String jobId, long checkpointId)
      throws IOException {
    Map<String, byte[]> pieces = new LinkedHashMap<>();
    pieces.put("op-1-0", utf8("state of op 1 subtask 0 at " + checkpointId));
    pieces.put("op-1-1", utf8("state of op 1 subtask 1 at " + checkpointId));
    return writeCheckpoint(storage, jobId, checkpointId, pieces, utf8("meta " + checkpointId));
  }

  static byte[] readAll(CheckpointStorage storage, StateHandle piece) {
    try (InputStream in = storage.openStateStream(piece)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
