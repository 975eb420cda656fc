package io.sluice.state.rocksdb;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.State;
import io.sluice.api.state.StateAccessException;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.state.CanonicalSnapshotReader;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotKind;
import io.sluice.spi.state.SnapshotStateInfo;
import io.sluice.spi.state.StateStreamOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * The keyed state of one operator subtask in its own RocksDB database: one column family per
 * registered state, every RocksDB key starting with {@code key group (2 bytes, big-endian) +
 * serialized key} ({@link KeyContext}), so the database iterates key group by key group in
 * ascending order, ready to be written out in canonical order or split by key group. Values are
 * serialized with the descriptor's serializer, behind an 8-byte timestamp when the state has a
 * time-to-live.
 *
 * <p>The database lives in a fresh folder under the backend's directory; the write-ahead log is off
 * (state becomes durable through snapshots, not the log). Memory comes from the {@link
 * MemoryBudget} shared by all databases of the {@link RocksDbStateBackend}. {@link #close()}
 * releases every native handle (column families, database, options, merge operator) and deletes the
 * folder.
 *
 * <p>Semantics and errors are those of the heap backend: keys outside the key-group range, null
 * keys and a name reused for another kind, type or time-to-live are rejected with the same
 * exceptions.
 *
 * <p>Snapshots: savepoints, and checkpoints in the {@link CheckpointFormat#CANONICAL} format, are
 * written in the canonical format from a RocksDB snapshot ({@link CanonicalRocksDbSnapshot});
 * native checkpoints, full or incremental, upload the files of a RocksDB checkpoint ({@link
 * NativeSnapshot}). A restore writes canonical bytes straight into column families ({@link
 * CanonicalImporter}); a native handle of the same key groups becomes the database itself, one of
 * other key groups (a rescale) is opened aside and its key groups in range are copied ({@link
 * NativeRestore}). Restored states keep their column family and are typed when registered again;
 * states never registered again stay in the database and in every later snapshot.
 *
 * <p>Confined to the task thread that owns the operator; not thread-safe. The snapshot views it
 * hands out are written on other threads; {@link #close()} waits until they no longer touch the
 * database.
 *
 * @param <K> the type of the keys
 */
public final class RocksDbKeyedStateBackend<K> implements KeyedStateBackend<K> {
  private static final System.Logger LOG =
      System.getLogger(RocksDbKeyedStateBackend.class.getName());

  /** Prefix of the column family names, keeping state names clear of RocksDB's "default". */
  static final String COLUMN_FAMILY_PREFIX = "state:";

  private final KeyContext<K> keyContext;
  private final Path directory;
  private final StringAppendOperator appendOperator;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions columnOptions;
  private final WriteOptions writeOptions;
  private final List<ColumnFamilyHandle> openHandles = new ArrayList<>();
  private RocksDB db;
  private final Map<String, RegisteredState> states = new LinkedHashMap<>();

  /** The column family of every state in the database, registered or only restored. */
  private final Map<String, ColumnFamilyHandle> families = new LinkedHashMap<>();

  /** What every state in the database is, in the order snapshots list them. */
  private final Map<String, SnapshotStateInfo> stateInfos = new LinkedHashMap<>();

  private final CheckpointFormat checkpointFormat;
  private final NativeGuard guard;
  private final SharedFileRegistry sharedFiles;
  private final PerfCountersOff perfCountersOff = new PerfCountersOff();
  private final Set<CanonicalRocksDbSnapshot> liveSnapshots = ConcurrentHashMap.newKeySet();
  private int snapshotFolders;
  private int restoreFolders;

  /**
   * @param checkpointFormat what {@link SnapshotKind#CHECKPOINT}s write
   */
  RocksDbKeyedStateBackend(
      KeyedStateBackendParameters<K> parameters,
      Path baseDirectory,
      MemoryBudget memory,
      CheckpointFormat checkpointFormat) {
    this.checkpointFormat = checkpointFormat;
    this.keyContext = new KeyContext<>(parameters, parameters.keySerializer().duplicate());
    String owner = keyContext.owner();
    String instanceId = UUID.randomUUID().toString().substring(0, 8);
    this.guard = new NativeGuard(owner);
    this.sharedFiles = new SharedFileRegistry(instanceId);
    this.directory =
        baseDirectory
            .resolve("job-" + safe(parameters.jobId()))
            .resolve(
                "op-"
                    + safe(parameters.operatorId())
                    + "-"
                    + parameters.subtaskIndex()
                    + "-"
                    + instanceId);
    this.appendOperator = new StringAppendOperator("");
    this.dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setWriteBufferManager(memory.writeBufferManager())
            .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
            .setKeepLogFileNum(1)
            .setStatsDumpPeriodSec(0)
            .setAvoidFlushDuringShutdown(true);
    this.columnOptions =
        new ColumnFamilyOptions()
            .setMergeOperator(appendOperator)
            .setWriteBufferSize(memory.writeBufferSize())
            .setTableFormatConfig(
                new BlockBasedTableConfig()
                    .setBlockCache(memory.cache())
                    .setCacheIndexAndFilterBlocks(true)
                    .setPinL0FilterAndIndexBlocksInCache(true));
    this.writeOptions = new WriteOptions().setDisableWAL(true);
    try {
      Files.createDirectories(directory);
      this.db = openDatabase(List.of(RocksDB.DEFAULT_COLUMN_FAMILY));
    } catch (IOException | RocksDBException e) {
      releaseOptions();
      deleteDirectory();
      throw new StateAccessException(
          "cannot open RocksDB for the keyed state of " + owner + " in " + directory, e);
    }
  }

  /**
   * Opens the database in {@link #directory} with the given column families, recording the state
   * ones in {@link #families}.
   */
  private RocksDB openDatabase(List<byte[]> familyNames) throws RocksDBException {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (byte[] name : familyNames) {
      descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB opened = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
    openHandles.addAll(handles);
    for (int i = 0; i < familyNames.size(); i++) {
      String name = new String(familyNames.get(i), StandardCharsets.UTF_8);
      if (name.startsWith(COLUMN_FAMILY_PREFIX)) {
        families.put(name.substring(COLUMN_FAMILY_PREFIX.length()), handles.get(i));
      }
    }
    return opened;
  }

  /** The column families of the database in {@code folder}. */
  static List<byte[]> familiesIn(Path folder) throws RocksDBException {
    try (Options options = new Options()) {
      return RocksDB.listColumnFamilies(options, folder.toString());
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@link SnapshotKind#SAVEPOINT}s, and checkpoints in the canonical format, are read from a
   * RocksDB snapshot taken now; native checkpoints flush and create a RocksDB checkpoint now.
   */
  @Override
  public KeyedStateSnapshot snapshot(long checkpointId, SnapshotKind kind) {
    keyContext.checkOpen();
    KeyGroupRange range = keyContext.keyGroupRange();
    if (kind == SnapshotKind.CHECKPOINT && checkpointFormat != CheckpointFormat.CANONICAL) {
      Path folder =
          directory.resolveSibling(
              directory.getFileName() + "-chk-" + checkpointId + "-" + (++snapshotFolders));
      try {
        return NativeSnapshot.take(
            db,
            List.copyOf(openHandles),
            folder,
            range,
            List.copyOf(stateInfos.values()),
            checkpointFormat == CheckpointFormat.NATIVE_INCREMENTAL
                ? sharedFiles
                : NativeSnapshot.OWN_PIECES);
      } catch (IOException e) {
        throw new StateAccessException(
            "cannot take native checkpoint " + checkpointId + " of " + keyContext.owner(), e);
      }
    }
    List<CanonicalRocksDbSnapshot.SnapshotState> snapshotStates = new ArrayList<>();
    for (SnapshotStateInfo info : stateInfos.values()) {
      snapshotStates.add(
          new CanonicalRocksDbSnapshot.SnapshotState(info, families.get(info.name())));
    }
    CanonicalRocksDbSnapshot[] created = new CanonicalRocksDbSnapshot[1];
    created[0] =
        new CanonicalRocksDbSnapshot(
            db,
            snapshotStates,
            keyContext.keySerializer(),
            range,
            guard,
            () -> liveSnapshots.remove(created[0]));
    liveSnapshots.add(created[0]);
    return created[0];
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the canonical format and {@value NativeHandleFormat#FORMAT}.
   */
  @Override
  public void restore(List<KeyedStateHandle> handles, StateStreamOpener opener) throws IOException {
    keyContext.checkOpen();
    if (!states.isEmpty() || !families.isEmpty()) {
      throw new IllegalStateException(
          "keyed state of "
              + keyContext.owner()
              + " must be restored once, before states are registered");
    }
    for (KeyedStateHandle handle : handles) {
      if (!handle.isCanonical() && !NativeHandleFormat.FORMAT.equals(handle.format())) {
        throw new IllegalArgumentException(
            "the rocksdb state backend cannot restore keyed state of "
                + keyContext.owner()
                + " in format '"
                + handle.format()
                + "': it reads "
                + KeyedStateHandle.CANONICAL
                + " (savepoints, any backend) and "
                + NativeHandleFormat.FORMAT);
      }
    }
    KeyGroupRange range = keyContext.keyGroupRange();
    if (handles.size() == 1
        && !handles.get(0).isCanonical()
        && handles.get(0).keyGroupRange().equals(range)) {
      restoreInPlace(handles.get(0), opener);
      return;
    }
    CanonicalImporter importer = new CanonicalImporter(db, writeOptions, this::restoredFamily);
    for (KeyedStateHandle handle : handles) {
      if (handle.isCanonical()) {
        CanonicalSnapshotReader.Header header =
            CanonicalSnapshotReader.read(handle, opener, range, importer::section);
        header.states().forEach(this::restoredFamily);
      } else {
        Path folder =
            directory.resolveSibling(directory.getFileName() + "-restore-" + (++restoreFolders));
        NativeRestore.copyKeyGroups(
            handle,
            opener,
            folder,
            range,
            dbOptions,
            columnOptions,
            db,
            writeOptions,
            this::restoredFamily);
      }
    }
  }

  /** Makes the files of a native handle of exactly this range the database. */
  private void restoreInPlace(KeyedStateHandle handle, StateStreamOpener opener)
      throws IOException {
    NativeHandleFormat.Contents contents = NativeHandleFormat.read(handle);
    Path folder =
        directory.resolveSibling(directory.getFileName() + "-restore-" + (++restoreFolders));
    try {
      NativeRestore.download(handle, contents, opener, folder);
      closeDatabase();
      NativeSnapshot.deleteFolder(directory);
      Files.move(folder, directory);
      db = openDatabase(familiesIn(directory));
    } catch (RocksDBException e) {
      throw new IOException(
          "cannot open the restored RocksDB of " + keyContext.owner() + " in " + directory, e);
    } finally {
      NativeSnapshot.deleteFolder(folder);
    }
    for (SnapshotStateInfo info : contents.states()) {
      if (!families.containsKey(info.name())) {
        throw new io.sluice.spi.checkpoint.CorruptCheckpointException(
            "native RocksDB state " + handle.keyGroupRange(),
            "a column family for state '" + info.name() + "'",
            "column families " + families.keySet());
      }
      stateInfos.put(info.name(), info);
    }
  }

  /**
   * The column family of a state being restored, created on first use; two restored snapshots must
   * agree on what the state is.
   */
  private ColumnFamilyHandle restoredFamily(SnapshotStateInfo info) {
    SnapshotStateInfo known = stateInfos.get(info.name());
    if (known != null && !known.equals(info)) {
      throw new IllegalStateException(
          "state '"
              + info.name()
              + "' of "
              + keyContext.owner()
              + " was snapshotted as "
              + known.describe()
              + " in one restored snapshot and as "
              + info.describe()
              + " in another");
    }
    ColumnFamilyHandle family = families.get(info.name());
    if (family == null) {
      family = createFamily(info.name());
      stateInfos.put(info.name(), info);
    }
    return family;
  }

  private ColumnFamilyHandle createFamily(String stateName) {
    ColumnFamilyHandle family;
    try {
      family =
          db.createColumnFamily(
              new ColumnFamilyDescriptor(
                  (COLUMN_FAMILY_PREFIX + stateName).getBytes(StandardCharsets.UTF_8),
                  columnOptions));
    } catch (RocksDBException e) {
      throw new StateAccessException(
          "cannot create the column family of state '" + stateName + "' of " + keyContext.owner(),
          e);
    }
    openHandles.add(family);
    families.put(stateName, family);
    return family;
  }

  private void closeDatabase() {
    for (ColumnFamilyHandle handle : openHandles) {
      handle.close();
    }
    openHandles.clear();
    families.clear();
    if (db != null) {
      db.close();
      db = null;
    }
  }

  @Override
  public void setCurrentKey(K key) {
    keyContext.setCurrentKey(key);
    perfCountersOff.onCallingThread(db); // every access to state follows a current key
  }

  @Override
  public K getCurrentKey() {
    return keyContext.currentKey();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException before the first {@link #setCurrentKey}
   */
  @Override
  public int getCurrentKeyGroup() {
    return keyContext.currentKeyGroup();
  }

  @Override
  public KeyGroupRange getKeyGroupRange() {
    return keyContext.keyGroupRange();
  }

  /**
   * Compacts every column family into as few SST files as possible, as RocksDB does on its own as
   * files accumulate; lets tests replace files between incremental checkpoints.
   */
  void compact() {
    keyContext.checkOpen();
    try {
      for (ColumnFamilyHandle family : openHandles) {
        db.compactRange(family);
      }
    } catch (RocksDBException e) {
      throw new StateAccessException("cannot compact the RocksDB of " + keyContext.owner(), e);
    }
  }

  /** The folder of this backend's database; deleted by {@link #close()}. */
  public Path directory() {
    return directory;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return handle(
        descriptor,
        registration ->
            new RocksDbValueState<>(
                new ValueCell<>(
                    registration.column(), registration.codec(descriptor), registration.ttl())));
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return handle(
        descriptor,
        registration ->
            new RocksDbListState<>(
                registration.column(), registration.codec(descriptor), registration.ttl()));
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return handle(
        descriptor,
        registration ->
            new RocksDbMapState<>(
                registration.column(),
                new ValueCodec<>(
                    descriptor.getKeySerializer().duplicate(),
                    false,
                    "map keys of state '" + descriptor.getName() + "'"),
                registration.codec(descriptor),
                registration.ttl()));
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return handle(
        descriptor,
        registration ->
            new RocksDbReducingState<>(
                new ValueCell<>(
                    registration.column(), registration.codec(descriptor), registration.ttl()),
                descriptor.getReduceFunction()));
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return handle(
        descriptor,
        registration ->
            new RocksDbAggregatingState<>(
                new ValueCell<>(
                    registration.column(), registration.codec(descriptor), registration.ttl()),
                descriptor.getAggregateFunction()));
  }

  /**
   * The keys that hold state {@code stateName}, in the database's order: key group by key group,
   * ascending. With time-to-live, keys whose values expired but were not touched since still count.
   *
   * @throws IllegalArgumentException if no state of that name was registered
   */
  public List<K> keys(String stateName) {
    StateColumn column = registered(stateName).column();
    TypeSerializer<K> serializer = keyContext.keySerializer();
    DataInputDeserializer in = new DataInputDeserializer();
    List<K> keys = new ArrayList<>();
    byte[][] previousPrefix = {null};
    column.forEachKey(
        bytes -> {
          byte[] previous = previousPrefix[0];
          if (previous != null && StateColumn.startsWith(bytes, previous)) {
            return; // another map entry of the same key
          }
          in.setBuffer(
              bytes, KeyContext.KEY_GROUP_BYTES, bytes.length - KeyContext.KEY_GROUP_BYTES);
          try {
            keys.add(serializer.deserialize(in));
          } catch (IOException e) {
            throw new StateAccessException(
                "cannot read a key of state '" + stateName + "' of " + keyContext.owner(), e);
          }
          previousPrefix[0] = Arrays.copyOf(bytes, in.position());
        });
    return keys;
  }

  /** The number of keys that hold state {@code stateName}; see {@link #keys}. */
  public int numberOfEntries(String stateName) {
    return keys(stateName).size();
  }

  /**
   * Closes the database, releases every native handle and deletes the database's folder;
   * idempotent. Handles obtained before fail from now on.
   */
  @Override
  public void close() {
    if (keyContext.isClosed()) {
      return;
    }
    keyContext.close();
    guard.close(); // waits until no snapshot thread reads the database
    for (CanonicalRocksDbSnapshot snapshot : liveSnapshots) {
      snapshot.freeNative();
    }
    liveSnapshots.clear();
    states.clear();
    stateInfos.clear();
    closeDatabase();
    releaseOptions();
    deleteDirectory();
  }

  @Override
  public String toString() {
    return "RocksDbKeyedStateBackend{"
        + keyContext.owner()
        + ", "
        + directory
        + ", states="
        + states.keySet()
        + "}";
  }

  /**
   * The handle registered under the descriptor's name, created with its column family on first use.
   * One name has one handle and one meta info for the backend's lifetime.
   */
  @SuppressWarnings("unchecked")
  private <H extends State> H handle(
      StateDescriptor<?, ?> descriptor, Function<Registration, H> create) {
    keyContext.checkOpen();
    StateMetaInfo metaInfo = StateMetaInfo.of(descriptor);
    RegisteredState existing = states.get(metaInfo.name());
    if (existing != null) {
      StateMetaInfo registered = existing.column().metaInfo();
      if (!registered.equals(metaInfo)) {
        throw new IllegalStateException(
            "state '"
                + metaInfo.name()
                + "' of "
                + keyContext.owner()
                + " is already registered as "
                + registered.describe()
                + " and cannot also be used as "
                + metaInfo.describe()
                + "; give the new state a different name");
      }
      return (H) existing.handle();
    }
    SnapshotStateInfo info = SnapshotStateInfo.of(descriptor);
    ColumnFamilyHandle family = families.get(metaInfo.name());
    if (family != null) {
      stateInfos.get(metaInfo.name()).checkCompatible(info, keyContext.owner());
    } else {
      family = createFamily(metaInfo.name());
    }
    stateInfos.put(metaInfo.name(), info);
    StateColumn column = new StateColumn(metaInfo, keyContext, db, family, writeOptions);
    H handle = create.apply(new Registration(column, TtlPolicy.of(metaInfo.ttlConfig())));
    states.put(metaInfo.name(), new RegisteredState(column, handle));
    return handle;
  }

  private RegisteredState registered(String stateName) {
    keyContext.checkOpen();
    RegisteredState state = states.get(stateName);
    if (state == null) {
      throw new IllegalArgumentException(
          "no state named '"
              + stateName
              + "' in "
              + keyContext.owner()
              + "; registered: "
              + states.keySet());
    }
    return state;
  }

  private void releaseOptions() {
    writeOptions.close();
    columnOptions.close();
    dbOptions.close();
    appendOperator.close();
  }

  private void deleteDirectory() {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the RocksDB folder " + directory, e);
    }
    try {
      Files.deleteIfExists(directory.getParent());
    } catch (DirectoryNotEmptyException | NoSuchFileException stillInUse) {
      // another subtask of the job still has its database there
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot delete " + directory.getParent(), e);
    }
  }

  /** Keeps file names portable: job and operator ids may hold any characters. */
  private static String safe(String id) {
    String cleaned = id.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
  }

  /** What a new handle is built from: its column family and time-to-live (null for none). */
  private record Registration(StateColumn column, TtlPolicy ttl) {
    <T> ValueCodec<T> codec(StateDescriptor<?, T> descriptor) {
      return new ValueCodec<>(
          descriptor.getSerializer().duplicate(),
          ttl != null,
          "values of state '" + descriptor.getName() + "'");
    }
  }

  /** A registered state: its column family and the one handle the functions use. */
  private record RegisteredState(StateColumn column, State handle) {}
}
