package io.sluice.state.rocksdb;

import io.sluice.api.state.StateDescriptor.Kind;
import io.sluice.spi.state.CanonicalSectionReader;
import io.sluice.spi.state.SnapshotStateInfo;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Writes canonical sections into column families as they are: the canonical layout is RocksDB's, so
 * a key becomes {@code key group prefix + serialized key} (plus the serialized map key for map
 * state) and a value, a list's frames or a map entry's value are stored byte for byte. Nothing is
 * deserialized, so states need no descriptor to be restored. Confined to the task thread.
 */
final class CanonicalImporter {
  private final RocksDB db;
  private final WriteOptions writeOptions;
  private final Function<SnapshotStateInfo, ColumnFamilyHandle> families;

  /**
   * @param families the column family of a restored state, created on first use
   */
  CanonicalImporter(
      RocksDB db,
      WriteOptions writeOptions,
      Function<SnapshotStateInfo, ColumnFamilyHandle> families) {
    this.db = db;
    this.writeOptions = writeOptions;
    this.families = families;
  }

  /** A {@link io.sluice.spi.state.CanonicalSnapshotReader.SectionVisitor}. */
  void section(int keyGroup, SnapshotStateInfo info, int entries, byte[] bytes) throws IOException {
    ColumnFamilyHandle family = families.apply(info);
    if (entries == 0) {
      return;
    }
    CanonicalSectionReader reader = new CanonicalSectionReader(bytes);
    try (WriteBatch batch = new WriteBatch()) {
      while (reader.hasRemaining()) {
        reader.nextFrame();
        byte[] key =
            KeyGroupPrefix.prepend(keyGroup, bytes, reader.frameOffset(), reader.frameLength());
        if (info.isValueLike()) {
          reader.nextFrame();
          batch.put(family, key, frame(reader));
        } else if (info.kind() == Kind.LIST) {
          int count = reader.readCount();
          int start = reader.position();
          for (int i = 0; i < count; i++) {
            reader.nextFrame();
          }
          if (count > 0) {
            batch.put(family, key, Arrays.copyOfRange(bytes, start, reader.position()));
          }
        } else {
          int count = reader.readCount();
          for (int i = 0; i < count; i++) {
            reader.nextFrame();
            byte[] rowKey = Arrays.copyOf(key, key.length + reader.frameLength());
            System.arraycopy(bytes, reader.frameOffset(), rowKey, key.length, reader.frameLength());
            reader.nextFrame();
            batch.put(family, rowKey, frame(reader));
          }
        }
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new IOException(
          "cannot write restored state '" + info.name() + "' (key group " + keyGroup + ")", e);
    }
  }

  private static byte[] frame(CanonicalSectionReader reader) {
    return Arrays.copyOfRange(
        reader.bytes(), reader.frameOffset(), reader.frameOffset() + reader.frameLength());
  }
}
