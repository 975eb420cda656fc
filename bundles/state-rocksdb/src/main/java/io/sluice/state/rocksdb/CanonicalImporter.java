package io.sluice.state.rocksdb;

import io.sluice.api.state.StateDescriptor.Kind;
import io.sluice.spi.state.CanonicalSectionReader;
import io.sluice.spi.state.SnapshotStateInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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

  /**
   * A {@link io.sluice.spi.state.CanonicalSnapshotReader.SectionVisitor}. The section's rows are
   * written in RocksDB's key order: a heap backend writes a key group's keys in hash order, and
   * inserting them so into the memtable's skip list searched it from the top for every row (about 1
   * us per row for a million keys); in order, each insert starts where the last one ended.
   */
  void section(int keyGroup, SnapshotStateInfo info, int entries, byte[] bytes) throws IOException {
    ColumnFamilyHandle family = families.apply(info);
    if (entries == 0) {
      return;
    }
    List<Row> rows = rows(keyGroup, info, entries, bytes);
    rows.sort(ROW_ORDER); // one pass over a section that is in order already (RocksDB's own)
    try (WriteBatch batch = new WriteBatch()) {
      for (Row row : rows) {
        batch.put(family, row.key(), row.value());
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new IOException(
          "cannot write restored state '" + info.name() + "' (key group " + keyGroup + ")", e);
    }
  }

  /**
   * A RocksDB key and value to write, with the 8 key bytes after the key-group prefix (zeros past
   * the key's end) as one number: most comparisons of a section's keys (which share the prefix) end
   * on it.
   */
  private record Row(byte[] key, byte[] value, long head) {
    Row(byte[] key, byte[] value) {
      this(key, value, head(key));
    }

    private static long head(byte[] key) {
      long head = 0;
      for (int i = KeyGroupPrefix.BYTES; i < KeyGroupPrefix.BYTES + Long.BYTES; i++) {
        head = (head << 8) | (i < key.length ? key[i] & 0xff : 0);
      }
      return head;
    }
  }

  /**
   * RocksDB's default (bytewise) order, unsigned lexicographic: heads padded with zeros order keys
   * as their bytes do wherever they differ, and equal heads fall back to the whole keys.
   */
  private static final Comparator<Row> ROW_ORDER =
      (a, b) -> {
        int byHead = Long.compareUnsigned(a.head, b.head);
        return byHead != 0 ? byHead : Arrays.compareUnsigned(a.key, b.key);
      };

  /** The RocksDB rows of a section, in the section's order. */
  private static List<Row> rows(int keyGroup, SnapshotStateInfo info, int entries, byte[] bytes) {
    List<Row> rows = new ArrayList<>(entries);
    CanonicalSectionReader reader = new CanonicalSectionReader(bytes);
    while (reader.hasRemaining()) {
      reader.nextFrame();
      byte[] key =
          KeyGroupPrefix.prepend(keyGroup, bytes, reader.frameOffset(), reader.frameLength());
      if (info.isValueLike()) {
        reader.nextFrame();
        rows.add(new Row(key, frame(reader)));
      } else if (info.kind() == Kind.LIST) {
        int count = reader.readCount();
        int start = reader.position();
        for (int i = 0; i < count; i++) {
          reader.nextFrame();
        }
        if (count > 0) {
          rows.add(new Row(key, Arrays.copyOfRange(bytes, start, reader.position())));
        }
      } else {
        int count = reader.readCount();
        for (int i = 0; i < count; i++) {
          reader.nextFrame();
          byte[] rowKey = Arrays.copyOf(key, key.length + reader.frameLength());
          System.arraycopy(bytes, reader.frameOffset(), rowKey, key.length, reader.frameLength());
          reader.nextFrame();
          rows.add(new Row(rowKey, frame(reader)));
        }
      }
    }
    return rows;
  }

  private static byte[] frame(CanonicalSectionReader reader) {
    return Arrays.copyOfRange(
        reader.bytes(), reader.frameOffset(), reader.frameOffset() + reader.frameLength());
  }
}
