package io.sluice.state.rocksdb;

import io.sluice.api.state.StateDescriptor.Kind;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.state.CanonicalSectionWriter;
import io.sluice.spi.state.CanonicalSnapshotWriter;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotStateInfo;
import io.sluice.spi.state.SnapshotTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * A RocksDB snapshot (a consistent view, taken on the task thread) written out in the canonical
 * format: for each key group in order, each state's column family is read from the group's 2-byte
 * prefix on, so the column families are merged key group by key group. Values are copied as they
 * are stored (the canonical layout is RocksDB's); only the end of each key in a map state's rows is
 * found by deserializing the key. The {@link NativeGuard} keeps the database open while {@link
 * #write} runs on its thread; {@link #release} (any thread) frees the RocksDB snapshot.
 */
final class CanonicalRocksDbSnapshot implements KeyedStateSnapshot {

  /** A state to write: what it is and its column family. */
  record SnapshotState(SnapshotStateInfo info, ColumnFamilyHandle family) {}

  private final RocksDB db;
  private final Snapshot snapshot;
  private final List<SnapshotState> states;
  private final TypeSerializer<?> keySerializer;
  private final KeyGroupRange range;
  private final NativeGuard guard;
  private final AtomicBoolean released = new AtomicBoolean();
  private final AtomicBoolean nativeFreed = new AtomicBoolean();
  private final Runnable onRelease;

  /**
   * Takes the RocksDB snapshot; call on the task thread.
   *
   * @param onRelease tells the backend the view is released (thread-safe)
   */
  CanonicalRocksDbSnapshot(
      RocksDB db,
      List<SnapshotState> states,
      TypeSerializer<?> keySerializer,
      KeyGroupRange range,
      NativeGuard guard,
      Runnable onRelease) {
    this.onRelease = onRelease;
    this.db = db;
    this.snapshot = db.getSnapshot();
    this.states = List.copyOf(states);
    this.keySerializer = keySerializer.duplicate();
    this.range = range;
    this.guard = guard;
  }

  @Override
  public KeyedStateHandle write(SnapshotTarget target) throws IOException {
    if (released.get()) {
      throw new IllegalStateException("the RocksDB snapshot was released before it was written");
    }
    guard.enter();
    List<RocksIterator> iterators = new ArrayList<>(states.size());
    // A scan of every entry: blocks it reads stay out of the block cache, which holds what the
    // running job reads (the snapshot is written while the job goes on).
    try (ReadOptions options = new ReadOptions().setSnapshot(snapshot).setFillCache(false)) {
      for (SnapshotState state : states) {
        iterators.add(db.newIterator(state.family(), options));
      }
      List<SnapshotStateInfo> infos = states.stream().map(SnapshotState::info).toList();
      SectionFiller filler = new SectionFiller();
      return CanonicalSnapshotWriter.writePiece(
          target,
          range,
          infos,
          (keyGroup, stateIndex, section) -> {
            guard.checkNotClosing();
            filler.fill(
                iterators.get(stateIndex), keyGroup, states.get(stateIndex).info(), section);
          });
    } finally {
      iterators.forEach(RocksIterator::close);
      guard.exit();
    }
  }

  /** Releases the RocksDB snapshot, unless the backend's close does (or did) it. */
  @Override
  public void release() {
    released.set(true);
    onRelease.run();
    try {
      guard.enter();
    } catch (IOException closed) {
      return; // the backend's close frees it
    }
    try {
      freeNative();
    } finally {
      guard.exit();
    }
  }

  /** Frees the RocksDB snapshot once; the backend calls it when closing, with no writer inside. */
  void freeNative() {
    if (nativeFreed.compareAndSet(false, true)) {
      db.releaseSnapshot(snapshot);
    }
  }

  /**
   * Copies one key group of one column family into a section; one per write. Each entry's key and
   * value are read once, into arrays reused from entry to entry: reading them through {@code key()}
   * and {@code value()} allocated two arrays per entry (and the key was read twice), a third of the
   * time to write a RocksDB state out.
   */
  private final class SectionFiller {
    private final DataInputDeserializer in = new DataInputDeserializer();
    private final List<byte[][]> mapRows = new ArrayList<>();
    private final ReusedBytes key = new ReusedBytes(64);
    private final ReusedBytes value = new ReusedBytes(256);

    void fill(
        RocksIterator iterator,
        int keyGroup,
        SnapshotStateInfo info,
        CanonicalSectionWriter section)
        throws IOException {
      byte[] prefix = KeyGroupPrefix.of(keyGroup);
      iterator.seek(prefix);
      while (iterator.isValid()) {
        int keyLength = key.read(iterator::key);
        if (!startsWith(key.bytes, keyLength, prefix)) {
          break;
        }
        if (info.kind() == Kind.MAP) {
          fillMapEntry(iterator, keyLength, info, section);
          continue; // fillMapEntry advanced past the key's rows
        }
        int valueLength = value.read(iterator::value);
        section.key(key.bytes, KeyGroupPrefix.BYTES, keyLength - KeyGroupPrefix.BYTES);
        if (info.kind() == Kind.LIST) {
          section.count(countFrames(value.bytes, valueLength, info));
          section.rawFrames(value.bytes, 0, valueLength);
        } else {
          section.frame(value.bytes, 0, valueLength);
        }
        iterator.next();
      }
      checkStatus(iterator, info);
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
      return length >= prefix.length
          && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Writes the rows of one key of a map state: they are adjacent and share its prefix. The first
     * row's RocksDB key is in {@link #key}.
     */
    private void fillMapEntry(
        RocksIterator iterator,
        int firstLength,
        SnapshotStateInfo info,
        CanonicalSectionWriter section)
        throws IOException {
      in.setBuffer(key.bytes, KeyGroupPrefix.BYTES, firstLength - KeyGroupPrefix.BYTES);
      try {
        keySerializer.deserialize(in);
      } catch (IOException | RuntimeException e) {
        throw new IOException(
            "cannot read a key of map state '" + info.name() + "' to find where it ends", e);
      }
      byte[] userPrefix = Arrays.copyOf(key.bytes, in.position());
      mapRows.clear();
      while (iterator.isValid()) {
        byte[] rowKey = iterator.key(); // kept until the section is written: not the reused array
        if (!StateColumn.startsWith(rowKey, userPrefix)) {
          break;
        }
        mapRows.add(new byte[][] {rowKey, iterator.value()});
        iterator.next();
      }
      section.key(userPrefix, KeyGroupPrefix.BYTES, userPrefix.length - KeyGroupPrefix.BYTES);
      section.count(mapRows.size());
      for (byte[][] row : mapRows) {
        section.frame(row[0], userPrefix.length, row[0].length - userPrefix.length);
        section.frame(row[1], 0, row[1].length);
      }
    }

    private int countFrames(byte[] list, int size, SnapshotStateInfo info) throws IOException {
      int count = 0;
      int position = 0;
      while (position < size) {
        if (size - position < Integer.BYTES) {
          throw malformedList(info, size, position);
        }
        int length =
            ((list[position] & 0xff) << 24)
                | ((list[position + 1] & 0xff) << 16)
                | ((list[position + 2] & 0xff) << 8)
                | (list[position + 3] & 0xff);
        position += Integer.BYTES;
        if (length < 0 || length > size - position) {
          throw malformedList(info, size, position);
        }
        position += length;
        count++;
      }
      return count;
    }

    private IOException malformedList(SnapshotStateInfo info, int size, int position) {
      return new CorruptCheckpointException(
          "RocksDB list state '" + info.name() + "'",
          "length-framed elements",
          "a bad frame at byte " + position + " of " + size);
    }

    private void checkStatus(RocksIterator iterator, SnapshotStateInfo info) throws IOException {
      try {
        iterator.status();
      } catch (org.rocksdb.RocksDBException e) {
        throw new IOException("cannot read state '" + info.name() + "' for a snapshot", e);
      }
    }
  }

  /** An array that entries are read into, replaced by a larger one when an entry does not fit. */
  private static final class ReusedBytes {
    byte[] bytes;

    ReusedBytes(int initialSize) {
      bytes = new byte[initialSize];
    }

    /**
     * Reads through {@code read}, which copies what fits into the array and returns the whole
     * length (RocksDB's {@code key(byte[])} and {@code value(byte[])}); returns that length.
     */
    int read(ToIntFunction<byte[]> read) {
      int length = read.applyAsInt(bytes);
      if (length > bytes.length) {
        bytes = new byte[Math.max(length, 2 * bytes.length)];
        length = read.applyAsInt(bytes);
      }
      return length;
    }
  }
}
