package io.sluice.state.rocksdb;

import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import io.sluice.spi.state.SnapshotTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The SST files one keyed backend instance has uploaded as shared pieces, by file name: RocksDB
 * never rewrites an SST file nor reuses its name within a database, so a name uploaded once is
 * referenced, not uploaded, by later incremental checkpoints. Shared piece names carry the
 * instance's id, so a restarted backend (whose database numbers files anew) never collides with
 * files of an earlier one. Thread-safe: uploads of concurrent checkpoints are serialized, so a file
 * is uploaded once even when two checkpoints need it at the same time.
 */
final class SharedFileRegistry implements NativeSnapshot.SstUploads {
  private final String instanceId;
  private final Map<String, StateHandle> uploaded = new HashMap<>();

  SharedFileRegistry(String instanceId) {
    this.instanceId = instanceId;
  }

  /** The shared piece of {@code file}, uploaded through {@code target} unless it was before. */
  @Override
  public synchronized StateHandle upload(Path file, SnapshotTarget target) throws IOException {
    String name = file.getFileName().toString();
    StateHandle handle = uploaded.get(name);
    if (handle != null) {
      return handle;
    }
    try (StateOutputStream out = target.createSharedPiece(instanceId + "-" + name)) {
      Files.copy(file, out);
      handle = out.closeAndGetHandle();
    }
    uploaded.put(name, handle);
    return handle;
  }
}
