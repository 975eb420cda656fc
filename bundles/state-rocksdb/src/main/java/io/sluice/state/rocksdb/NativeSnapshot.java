package io.sluice.state.rocksdb;

import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotStateInfo;
import io.sluice.spi.state.SnapshotTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A checkpoint of a RocksDB database in its native format ({@value NativeHandleFormat#FORMAT}): on
 * the task thread the memtables are flushed and a RocksDB checkpoint is created (hard links to the
 * immutable SST files plus copies of MANIFEST, CURRENT and OPTIONS) in a folder of its own; {@link
 * #write} then uploads the files on its thread, the SST files as {@link SstUploads} says (all of
 * them as pieces of this checkpoint for a full one; for an incremental one, as shared pieces only
 * those the backend has not uploaded before, the others referenced), the small files as pieces of
 * this checkpoint. The folder is independent of the live database, so the task may go on writing
 * (and even close the backend) meanwhile; {@link #release} deletes it.
 */
final class NativeSnapshot implements KeyedStateSnapshot {
  /** How the SST files of a checkpoint are uploaded; called on the writing thread. */
  interface SstUploads {
    StateHandle upload(Path sst, SnapshotTarget target) throws IOException;
  }

  /** Every SST file uploaded again, as a piece of this checkpoint: a full native checkpoint. */
  static final SstUploads OWN_PIECES = NativeSnapshot::upload;

  private final Path folder;
  private final KeyGroupRange range;
  private final List<SnapshotStateInfo> states;
  private final SstUploads sstUploads;
  private final AtomicBoolean released = new AtomicBoolean();

  private NativeSnapshot(
      Path folder, KeyGroupRange range, List<SnapshotStateInfo> states, SstUploads sstUploads) {
    this.folder = folder;
    this.range = range;
    this.states = List.copyOf(states);
    this.sstUploads = sstUploads;
  }

  /**
   * Flushes {@code families} and creates the RocksDB checkpoint in {@code folder}, which must not
   * exist; on the task thread.
   */
  static NativeSnapshot take(
      RocksDB db,
      List<ColumnFamilyHandle> families,
      Path folder,
      KeyGroupRange range,
      List<SnapshotStateInfo> states,
      SstUploads sstUploads)
      throws IOException {
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
        Checkpoint checkpoint = Checkpoint.create(db)) {
      db.flush(flush, families);
      checkpoint.createCheckpoint(folder.toString());
    } catch (RocksDBException e) {
      deleteFolder(folder);
      throw new IOException("cannot create a RocksDB checkpoint in " + folder, e);
    }
    return new NativeSnapshot(folder, range, states, sstUploads);
  }

  @Override
  public KeyedStateHandle write(SnapshotTarget target) throws IOException {
    if (released.get()) {
      throw new IllegalStateException("the RocksDB checkpoint was released before it was written");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    List<String> names = new ArrayList<>(files.size());
    List<StateHandle> pieces = new ArrayList<>(files.size());
    for (Path file : files) {
      String name = file.getFileName().toString();
      names.add(name);
      pieces.add(name.endsWith(".sst") ? sstUploads.upload(file, target) : upload(file, target));
    }
    return NativeHandleFormat.handle(range, states, names, pieces);
  }

  private static StateHandle upload(Path file, SnapshotTarget target) throws IOException {
    try (StateOutputStream out = target.createPiece("rocksdb-" + file.getFileName())) {
      Files.copy(file, out);
      return out.closeAndGetHandle();
    }
  }

  @Override
  public void release() {
    if (released.compareAndSet(false, true)) {
      deleteFolder(folder);
    }
  }

  static void deleteFolder(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
