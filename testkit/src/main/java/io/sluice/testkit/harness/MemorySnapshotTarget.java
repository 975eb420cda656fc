package io.sluice.testkit.harness;

import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import io.sluice.spi.state.SnapshotKind;
import io.sluice.spi.state.SnapshotTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Keeps the pieces a keyed state backend writes for a harness snapshot in memory, with the lengths
 * and checksums a checkpoint storage would record, and opens them again for a restore (verifying
 * both). Confined to the harness thread.
 */
final class MemorySnapshotTarget implements SnapshotTarget {
  static final String STORAGE = "harness-memory";

  private final long checkpointId;
  private final SnapshotKind kind;
  private final Map<String, byte[]> pieces = new LinkedHashMap<>();

  MemorySnapshotTarget(long checkpointId, SnapshotKind kind) {
    this.checkpointId = checkpointId;
    this.kind = kind;
  }

  @Override
  public long checkpointId() {
    return checkpointId;
  }

  @Override
  public SnapshotKind kind() {
    return kind;
  }

  @Override
  public StateOutputStream createPiece(String name) {
    String location = checkpointId + "/" + name;
    if (pieces.containsKey(location)) {
      throw new IllegalArgumentException("piece " + name + " was written already");
    }
    return new StateOutputStream() {
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      private boolean done;

      @Override
      public void write(int b) {
        bytes.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
      }

      @Override
      public StateHandle closeAndGetHandle() {
        byte[] written = bytes.toByteArray();
        pieces.put(location, written);
        done = true;
        return new StateHandle(STORAGE, location, written.length, checksum(written));
      }

      @Override
      public void close() {
        done = true;
      }
    };
  }

  /** The pieces written, by location. */
  Map<String, byte[]> pieces() {
    return Map.copyOf(pieces);
  }

  /** Opens a piece of {@code pieces}, checking that it is the one the handle describes. */
  static InputStream open(Map<StateHandle, byte[]> pieces, StateHandle handle) throws IOException {
    byte[] bytes = pieces.get(handle);
    if (bytes == null || !STORAGE.equals(handle.storage())) {
      throw new IOException("no harness snapshot piece " + handle);
    }
    if (bytes.length != handle.length() || checksum(bytes) != handle.checksum()) {
      throw new IOException("harness snapshot piece " + handle.location() + " does not verify");
    }
    return new ByteArrayInputStream(bytes);
  }

  private static long checksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return crc.getValue();
  }
}
