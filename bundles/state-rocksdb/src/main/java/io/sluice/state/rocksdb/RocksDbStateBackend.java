package io.sluice.state.rocksdb;

import io.sluice.api.state.StateAccessException;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.spi.state.StateBackend;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.rocksdb.RocksDB;

/**
 * The {@code rocksdb} state backend: keyed state lives serialized in an embedded RocksDB on local
 * disk, so state may grow far beyond the heap while memory stays within a fixed budget. Each keyed
 * backend (one operator subtask) opens its own database under {@code directory}; all of them share
 * one block cache and one write buffer manager sized by {@code memory.budget.mb}.
 *
 * <p>Checkpoints are canonical unless configured otherwise ({@link CheckpointFormat}): with {@value
 * #CHECKPOINT_FORMAT} {@code native} they upload the files of a RocksDB checkpoint, with {@value
 * #INCREMENTAL} {@code true} only the SST files that are new since the previous checkpoint of the
 * keyed backend. Savepoints stay canonical, so they can be restored by any backend and at any
 * parallelism.
 *
 * <p>Registered as a DS component under {@code sluice.state.backend=rocksdb}, configured by the PID
 * {@value #PID} ({@code directory}, {@code memory.budget.mb}, {@code checkpoint.format}, {@code
 * incremental}); tests and embedded setups create it with {@code new} and {@link #close()} it. Safe
 * to share between threads; each keyed backend it creates is confined to one task thread.
 */
@Component(
    service = StateBackend.class,
    configurationPid = RocksDbStateBackend.PID,
    property = StateBackend.NAME_PROPERTY + "=" + RocksDbStateBackend.NAME)
public final class RocksDbStateBackend implements StateBackend, AutoCloseable {

  /** The name users select this backend by ({@code state.backend = rocksdb}). */
  public static final String NAME = "rocksdb";

  /** The configuration PID. */
  public static final String PID = "io.sluice.state.rocksdb";

  /** Configuration key: the folder under which the databases of the keyed backends live. */
  public static final String DIRECTORY = "directory";

  /** Configuration key: megabytes of native memory shared by block cache and memtables. */
  public static final String MEMORY_BUDGET_MB = "memory.budget.mb";

  /**
   * Configuration key: whether periodic checkpoints upload only the RocksDB files that are new
   * since the last one ({@code true}) instead of writing the canonical format; savepoints are
   * always canonical. Also read as {@value #INCREMENTAL_GLOBAL}. Default false.
   */
  public static final String INCREMENTAL = "incremental";

  /** The job-level name of {@link #INCREMENTAL}, also accepted in this backend's configuration. */
  public static final String INCREMENTAL_GLOBAL = "state.backend.incremental";

  /**
   * Configuration key: the format of periodic checkpoints, {@code canonical} (the default) or
   * {@code native} (the RocksDB files, each checkpoint in full); {@code incremental} means the same
   * as {@value #INCREMENTAL} {@code true}. Also read as {@value #CHECKPOINT_FORMAT_GLOBAL}.
   */
  public static final String CHECKPOINT_FORMAT = "checkpoint.format";

  /** The job-level name of {@link #CHECKPOINT_FORMAT}. */
  public static final String CHECKPOINT_FORMAT_GLOBAL = "state.backend.rocksdb.checkpoint.format";

  /** The memory budget when none is configured. */
  public static final long DEFAULT_MEMORY_BUDGET_MB = 64;

  private final Path directory;
  private final MemoryBudget memory;
  private final CheckpointFormat checkpointFormat;

  /** A backend with the defaults: a {@code sluice-rocksdb} folder in the temp dir, 64 MB. */
  public RocksDbStateBackend() {
    this(defaultDirectory(), DEFAULT_MEMORY_BUDGET_MB);
  }

  /**
   * @param directory where the keyed backends' databases are created (each in its own folder)
   * @param memoryBudgetMb megabytes of block cache, which the memtables are charged against too
   */
  public RocksDbStateBackend(Path directory, long memoryBudgetMb) {
    this(directory, memoryBudgetMb, CheckpointFormat.CANONICAL);
  }

  /**
   * @param directory where the keyed backends' databases are created (each in its own folder)
   * @param memoryBudgetMb megabytes of block cache, which the memtables are charged against too
   * @param checkpointFormat what periodic checkpoints write
   */
  public RocksDbStateBackend(
      Path directory, long memoryBudgetMb, CheckpointFormat checkpointFormat) {
    this.checkpointFormat = Objects.requireNonNull(checkpointFormat, "checkpointFormat");
    this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
    if (memoryBudgetMb <= 0) {
      throw new IllegalArgumentException(
          MEMORY_BUDGET_MB + " must be positive, was " + memoryBudgetMb);
    }
    // Extracts the native library of this platform (once per class loader) before any handle.
    RocksDB.loadLibrary();
    this.memory = new MemoryBudget(memoryBudgetMb * 1024 * 1024);
  }

  /**
   * The DS constructor: reads {@value #DIRECTORY}, {@value #MEMORY_BUDGET_MB}, {@value
   * #CHECKPOINT_FORMAT} (or {@value #CHECKPOINT_FORMAT_GLOBAL}) and {@value #INCREMENTAL} (or
   * {@value #INCREMENTAL_GLOBAL}).
   *
   * @throws IllegalArgumentException for a value that is not one of the documented ones, or for
   *     {@value #INCREMENTAL} {@code true} with a format other than {@code incremental}
   */
  @Activate
  public RocksDbStateBackend(Map<String, Object> properties) {
    this(
        directoryOf(properties.get(DIRECTORY)),
        budgetOf(properties.get(MEMORY_BUDGET_MB)),
        checkpointFormatOf(
            properties.getOrDefault(CHECKPOINT_FORMAT, properties.get(CHECKPOINT_FORMAT_GLOBAL)),
            incrementalOf(
                properties.getOrDefault(INCREMENTAL, properties.get(INCREMENTAL_GLOBAL)))));
  }

  /** Whether checkpoints of the keyed backends are incremental. */
  public boolean isIncremental() {
    return checkpointFormat == CheckpointFormat.NATIVE_INCREMENTAL;
  }

  /** What periodic checkpoints of the keyed backends write. */
  public CheckpointFormat checkpointFormat() {
    return checkpointFormat;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The folder under which keyed backends create their databases. */
  public Path directory() {
    return directory;
  }

  /** The memory budget in bytes, shared by all keyed backends of this backend. */
  public long memoryBudgetBytes() {
    return memory.budgetBytes();
  }

  /**
   * A keyed backend with its own database under {@link #directory()}.
   *
   * @throws StateAccessException if this backend was closed (its bundle stopped or its
   *     configuration changed): the job is moved to the backend in service instead
   */
  @Override
  public <K> RocksDbKeyedStateBackend<K> createKeyedStateBackend(
      KeyedStateBackendParameters<K> parameters) {
    try {
      return memory.whileOpen(
          () -> new RocksDbKeyedStateBackend<>(parameters, directory, memory, checkpointFormat));
    } catch (MemoryBudget.Released released) {
      throw new StateAccessException(
          "The RocksDB state backend "
              + this
              + " was shut down (its bundle stopped or its configuration changed); no new keyed"
              + " state can be created in it",
          released);
    }
  }

  /**
   * Releases the shared cache and write buffer manager. Keyed backends already open keep them alive
   * natively until they close, so this is safe at any time: it waits for a keyed backend being set
   * up, and later ones are refused with a clear error.
   */
  @Deactivate
  @Override
  public void close() {
    memory.close();
  }

  @Override
  public String toString() {
    return "RocksDbStateBackend{"
        + directory
        + ", "
        + memory.budgetBytes() / 1024 / 1024
        + " MB"
        + (checkpointFormat == CheckpointFormat.CANONICAL
            ? ""
            : ", " + checkpointFormat.configName() + " checkpoints")
        + "}";
  }

  private static Path defaultDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"), "sluice-rocksdb");
  }

  private static Path directoryOf(Object configured) {
    if (configured == null || configured.toString().isBlank()) {
      return defaultDirectory();
    }
    return Path.of(configured.toString().trim());
  }

  /** The configured format; {@code incremental} true is the incremental format. */
  private static CheckpointFormat checkpointFormatOf(Object configured, boolean incremental) {
    if (configured == null || configured.toString().isBlank()) {
      return incremental ? CheckpointFormat.NATIVE_INCREMENTAL : CheckpointFormat.CANONICAL;
    }
    CheckpointFormat format = CheckpointFormat.ofConfigName(configured.toString());
    if (format == null) {
      throw new IllegalArgumentException(
          PID
              + ": "
              + CHECKPOINT_FORMAT
              + " must be canonical, native or incremental, was '"
              + configured
              + "'");
    }
    if (incremental && format != CheckpointFormat.NATIVE_INCREMENTAL) {
      throw new IllegalArgumentException(
          PID
              + ": "
              + INCREMENTAL
              + "=true asks for incremental checkpoints, but "
              + CHECKPOINT_FORMAT
              + " is '"
              + configured
              + "'; set one of the two");
    }
    return format;
  }

  private static boolean incrementalOf(Object configured) {
    if (configured == null || configured instanceof Boolean) {
      return Boolean.TRUE.equals(configured);
    }
    String text = configured.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException(
        PID + ": " + INCREMENTAL + " must be true or false, was '" + configured + "'");
  }

  private static long budgetOf(Object configured) {
    if (configured == null) {
      return DEFAULT_MEMORY_BUDGET_MB;
    }
    if (configured instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(configured.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          PID + ": " + MEMORY_BUDGET_MB + " must be a whole number of MB, was '" + configured + "'",
          e);
    }
  }
}
