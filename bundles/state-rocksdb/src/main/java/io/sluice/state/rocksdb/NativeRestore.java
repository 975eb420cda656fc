package io.sluice.state.rocksdb;

import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.SnapshotStateInfo;
import io.sluice.spi.state.StateStreamOpener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Brings back the files of a native handle: {@link #download} writes them into a folder (each piece
 * is read to its end, so the storage verifies its checksum), {@link #copyKeyGroups} opens such a
 * folder as a database of its own and copies the key groups of another range out of it (a rescale).
 * Stateless; runs on the task thread.
 */
final class NativeRestore {
  /** Entries per write batch when copying key groups. */
  private static final int BATCH = 1000;

  private NativeRestore() {}

  /** Writes every file of the handle into {@code folder}, which must not exist. */
  static void download(
      KeyedStateHandle handle,
      NativeHandleFormat.Contents contents,
      StateStreamOpener opener,
      Path folder)
      throws IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < contents.files().size(); i++) {
      try (InputStream in = opener.open(handle.pieces().get(i));
          OutputStream out = Files.newOutputStream(folder.resolve(contents.files().get(i)))) {
        in.transferTo(out);
      }
    }
  }

  /**
   * Copies the entries of the key groups in {@code range} of every state of a native handle into
   * the column families {@code target} gives, through a temporary database in {@code folder}
   * (deleted afterwards).
   */
  static void copyKeyGroups(
      KeyedStateHandle handle,
      StateStreamOpener opener,
      Path folder,
      KeyGroupRange range,
      DBOptions dbOptions,
      ColumnFamilyOptions columnOptions,
      RocksDB target,
      WriteOptions writeOptions,
      Function<SnapshotStateInfo, ColumnFamilyHandle> targetFamilies)
      throws IOException {
    NativeHandleFormat.Contents contents = NativeHandleFormat.read(handle);
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB source = null;
    try {
      download(handle, contents, opener, folder);
      List<byte[]> names = RocksDbKeyedStateBackend.familiesIn(folder);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : names) {
        descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
      }
      source = RocksDB.open(dbOptions, folder.toString(), descriptors, handles);
      Map<String, ColumnFamilyHandle> sourceFamilies = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        sourceFamilies.put(new String(names.get(i), StandardCharsets.UTF_8), handles.get(i));
      }
      int first = Math.max(range.startKeyGroup(), handle.keyGroupRange().startKeyGroup());
      int last = Math.min(range.endKeyGroup(), handle.keyGroupRange().endKeyGroup());
      for (SnapshotStateInfo state : contents.states()) {
        ColumnFamilyHandle from =
            sourceFamilies.get(RocksDbKeyedStateBackend.COLUMN_FAMILY_PREFIX + state.name());
        if (from == null) {
          throw new CorruptCheckpointException(
              "native RocksDB state " + handle.keyGroupRange(),
              "a column family for state '" + state.name() + "'",
              "column families " + sourceFamilies.keySet());
        }
        ColumnFamilyHandle to = targetFamilies.apply(state);
        if (first <= last) {
          copy(source, from, target, to, writeOptions, first, last);
        }
      }
    } catch (RocksDBException e) {
      throw new IOException("cannot copy key groups out of the restored RocksDB in " + folder, e);
    } finally {
      handles.forEach(ColumnFamilyHandle::close);
      if (source != null) {
        source.close();
      }
      NativeSnapshot.deleteFolder(folder);
    }
  }

  private static void copy(
      RocksDB source,
      ColumnFamilyHandle from,
      RocksDB target,
      ColumnFamilyHandle to,
      WriteOptions writeOptions,
      int first,
      int last)
      throws RocksDBException {
    try (RocksIterator iterator = source.newIterator(from);
        WriteBatch batch = new WriteBatch()) {
      for (iterator.seek(KeyGroupPrefix.of(first));
          iterator.isValid() && KeyGroupPrefix.read(iterator.key()) <= last;
          iterator.next()) {
        batch.put(to, iterator.key(), iterator.value());
        if (batch.count() >= BATCH) {
          target.write(writeOptions, batch);
          batch.clear();
        }
      }
      iterator.status();
      if (batch.count() > 0) {
        target.write(writeOptions, batch);
      }
    }
  }
}
