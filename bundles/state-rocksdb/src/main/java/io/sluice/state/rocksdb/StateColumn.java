package io.sluice.state.rocksdb;

import io.sluice.api.state.StateAccessException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The column family of one registered state and the byte-level operations the state handles need,
 * with RocksDB's checked exceptions turned into {@link StateAccessException}s that name the state.
 * Keys are {@link KeyContext#currentKeyBytes} (plus the map key for map state). Confined to the
 * task thread.
 */
final class StateColumn {
  /** How many entries a prefix scan reads per native iterator, so no iterator outlives a call. */
  static final int SCAN_BATCH = 128;

  private final StateMetaInfo metaInfo;
  private final KeyContext<?> keyContext;
  private final RocksDB db;
  private final ColumnFamilyHandle handle;
  private final WriteOptions writeOptions;

  StateColumn(
      StateMetaInfo metaInfo,
      KeyContext<?> keyContext,
      RocksDB db,
      ColumnFamilyHandle handle,
      WriteOptions writeOptions) {
    this.metaInfo = metaInfo;
    this.keyContext = keyContext;
    this.db = db;
    this.handle = handle;
    this.writeOptions = writeOptions;
  }

  StateMetaInfo metaInfo() {
    return metaInfo;
  }

  String name() {
    return metaInfo.name();
  }

  ColumnFamilyHandle handle() {
    return handle;
  }

  /** The bytes of the current key; fails if the backend is closed or no key is current. */
  byte[] currentKey() {
    return keyContext.currentKeyBytes(metaInfo.name());
  }

  byte[] get(byte[] key) {
    try {
      return db.get(handle, key);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  void put(byte[] key, byte[] value) {
    try {
      db.put(handle, writeOptions, key, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  /** Appends {@code value} to what is stored under {@code key}, with the string-append operator. */
  void merge(byte[] key, byte[] value) {
    try {
      db.merge(handle, writeOptions, key, value);
    } catch (RocksDBException e) {
      throw failure("append to", e);
    }
  }

  void delete(byte[] key) {
    try {
      db.delete(handle, writeOptions, key);
    } catch (RocksDBException e) {
      throw failure("delete from", e);
    }
  }

  /**
   * Up to {@code limit} entries whose keys start with {@code prefix} and come after {@code after}
   * (or from the start of the prefix if {@code after} is null), in key order.
   */
  List<byte[][]> scan(byte[] prefix, byte[] after, int limit) {
    keyContext.checkOpen();
    List<byte[][]> entries = new ArrayList<>(Math.min(limit, SCAN_BATCH));
    try (RocksIterator iterator = db.newIterator(handle)) {
      iterator.seek(after == null ? prefix : after);
      if (after != null && iterator.isValid() && Arrays.equals(iterator.key(), after)) {
        iterator.next();
      }
      while (iterator.isValid() && entries.size() < limit) {
        byte[] key = iterator.key();
        if (!startsWith(key, prefix)) {
          break;
        }
        entries.add(new byte[][] {key, iterator.value()});
        iterator.next();
      }
      iterator.status();
    } catch (RocksDBException e) {
      throw failure("iterate over", e);
    }
    return entries;
  }

  /** Whether some key starts with {@code prefix}. */
  boolean anyWithPrefix(byte[] prefix) {
    return !scan(prefix, null, 1).isEmpty();
  }

  /** Deletes every key that starts with {@code prefix}, in one atomic batch. */
  void deletePrefix(byte[] prefix) {
    try (WriteBatch batch = new WriteBatch()) {
      byte[] after = null;
      List<byte[][]> entries;
      do {
        entries = scan(prefix, after, SCAN_BATCH);
        for (byte[][] entry : entries) {
          batch.delete(handle, entry[0]);
          after = entry[0];
        }
      } while (entries.size() == SCAN_BATCH);
      if (batch.count() > 0) {
        db.write(writeOptions, batch);
      }
    } catch (RocksDBException e) {
      throw failure("clear", e);
    }
  }

  /** Calls {@code visitor} with every key of the column family, in key order. */
  void forEachKey(java.util.function.Consumer<byte[]> visitor) {
    keyContext.checkOpen();
    try (RocksIterator iterator = db.newIterator(handle)) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        visitor.accept(iterator.key());
      }
      iterator.status();
    } catch (RocksDBException e) {
      throw failure("iterate over", e);
    }
  }

  static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private StateAccessException failure(String action, RocksDBException e) {
    return new StateAccessException(
        "cannot " + action + " state '" + metaInfo.name() + "' of " + keyContext.owner(), e);
  }
}
