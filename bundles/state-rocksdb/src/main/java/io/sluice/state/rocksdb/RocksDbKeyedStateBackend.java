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
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
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
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
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
 * exceptions. Confined to the task thread that owns the operator; not thread-safe.
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
  private final RocksDB db;
  private final Map<String, RegisteredState> states = new LinkedHashMap<>();

  RocksDbKeyedStateBackend(
      KeyedStateBackendParameters<K> parameters, Path baseDirectory, MemoryBudget memory) {
    KeyGroupRange range = parameters.keyGroupRange();
    String owner =
        "operator '"
            + parameters.operatorId()
            + "' (subtask "
            + parameters.subtaskIndex()
            + ") of job '"
            + parameters.jobId()
            + "'";
    if (range.size() > 0 && range.endKeyGroup() >= parameters.maxParallelism()) {
      throw new IllegalArgumentException(
          "key group range ["
              + range.startKeyGroup()
              + ", "
              + range.endKeyGroup()
              + "] of "
              + owner
              + " exceeds max parallelism "
              + parameters.maxParallelism());
    }
    this.keyContext =
        new KeyContext<>(
            range, parameters.maxParallelism(), parameters.keySerializer().duplicate(), owner);
    this.directory =
        baseDirectory
            .resolve("job-" + safe(parameters.jobId()))
            .resolve(
                "op-"
                    + safe(parameters.operatorId())
                    + "-"
                    + parameters.subtaskIndex()
                    + "-"
                    + UUID.randomUUID().toString().substring(0, 8));
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
    RocksDB opened = null;
    try {
      Files.createDirectories(directory);
      opened =
          RocksDB.open(
              dbOptions,
              directory.toString(),
              List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions)),
              openHandles);
    } catch (IOException | RocksDBException e) {
      releaseOptions();
      deleteDirectory();
      throw new StateAccessException(
          "cannot open RocksDB for the keyed state of " + owner + " in " + directory, e);
    }
    this.db = opened;
  }

  @Override
  public void setCurrentKey(K key) {
    keyContext.setCurrentKey(key);
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
    states.clear();
    for (ColumnFamilyHandle handle : openHandles) {
      handle.close();
    }
    openHandles.clear();
    db.close();
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
    ColumnFamilyHandle family;
    try {
      family =
          db.createColumnFamily(
              new ColumnFamilyDescriptor(
                  (COLUMN_FAMILY_PREFIX + metaInfo.name()).getBytes(StandardCharsets.UTF_8),
                  columnOptions));
    } catch (RocksDBException e) {
      throw new StateAccessException(
          "cannot create the column family of state '"
              + metaInfo.name()
              + "' of "
              + keyContext.owner(),
          e);
    }
    openHandles.add(family);
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
