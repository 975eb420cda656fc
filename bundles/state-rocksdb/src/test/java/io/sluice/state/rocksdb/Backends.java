package io.sluice.state.rocksdb;

import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.TtlTimeProvider;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateBackendParameters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A RocksDB state backend over a test's temp folder and the keyed backends made from it, with
 * String keys; closing it closes them all and then the backend.
 */
final class Backends implements AutoCloseable {
  static final String JOB = "job-7";
  static final String OPERATOR = "count-per-word";
  static final int MAX_PARALLELISM = KeyGroups.DEFAULT_MAX_PARALLELISM;

  private final RocksDbStateBackend backend;
  private final RocksDbStateBackend incremental;
  private final RocksDbStateBackend nativeFull;
  private final List<RocksDbKeyedStateBackend<String>> keyed = new ArrayList<>();

  Backends(Path directory) {
    this.backend = new RocksDbStateBackend(directory, 16);
    this.incremental = new RocksDbStateBackend(directory, 16, CheckpointFormat.NATIVE_INCREMENTAL);
    this.nativeFull = new RocksDbStateBackend(directory, 16, CheckpointFormat.NATIVE_FULL);
  }

  /** A keyed backend whose checkpoints are incremental. */
  RocksDbKeyedStateBackend<String> incrementalSubtask(int parallelism, int subtaskIndex) {
    return subtask(parallelism, subtaskIndex, incremental);
  }

  /** A keyed backend whose checkpoints are native and full. */
  RocksDbKeyedStateBackend<String> nativeFullSubtask(int parallelism, int subtaskIndex) {
    return subtask(parallelism, subtaskIndex, nativeFull);
  }

  /** A keyed backend whose checkpoints have {@code format}, one of the two native ones. */
  RocksDbKeyedStateBackend<String> nativeSubtask(
      CheckpointFormat format, int parallelism, int subtaskIndex) {
    return switch (format) {
      case NATIVE_FULL -> nativeFullSubtask(parallelism, subtaskIndex);
      case NATIVE_INCREMENTAL -> incrementalSubtask(parallelism, subtaskIndex);
      case CANONICAL -> throw new IllegalArgumentException("not a native format: " + format);
    };
  }

  RocksDbStateBackend backend() {
    return backend;
  }

  /** A keyed backend owning all key groups, as a job with parallelism 1 has. */
  RocksDbKeyedStateBackend<String> allKeyGroups() {
    return subtask(1, 0);
  }

  RocksDbKeyedStateBackend<String> subtask(int parallelism, int subtaskIndex) {
    return subtask(parallelism, subtaskIndex, backend);
  }

  private RocksDbKeyedStateBackend<String> subtask(
      int parallelism, int subtaskIndex, RocksDbStateBackend backend) {
    RocksDbKeyedStateBackend<String> created =
        backend.createKeyedStateBackend(parameters(parallelism, subtaskIndex));
    keyed.add(created);
    return created;
  }

  static KeyedStateBackendParameters<String> parameters(int parallelism, int subtaskIndex) {
    KeyGroupRange range = KeyGroups.rangeForOperator(MAX_PARALLELISM, parallelism, subtaskIndex);
    return new KeyedStateBackendParameters<>(
        JOB,
        OPERATOR,
        subtaskIndex,
        TypeSerializers.forClass(String.class),
        range,
        MAX_PARALLELISM);
  }

  static int keyGroupOf(String key) {
    return KeyGroups.assignToKeyGroup(key, MAX_PARALLELISM);
  }

  /** The first key "key-N" whose key group satisfies {@code keyGroupTest}. */
  static String keyWhoseGroup(IntPredicate keyGroupTest) {
    return IntStream.range(0, 100_000)
        .mapToObj(i -> "key-" + i)
        .filter(key -> keyGroupTest.test(keyGroupOf(key)))
        .findFirst()
        .orElseThrow();
  }

  @Override
  public void close() {
    keyed.forEach(RocksDbKeyedStateBackend::close);
    backend.close();
    incremental.close();
    nativeFull.close();
  }

  /** A TTL clock that moves only when a test says so. */
  static final class ManualClock implements TtlTimeProvider {
    private long now;

    ManualClock(long start) {
      this.now = start;
    }

    @Override
    public long currentTimestamp() {
      return now;
    }

    void advance(long millis) {
      now += millis;
    }

    StateTtlConfig onCreateAndWrite(long ttlMillis) {
      return StateTtlConfig.newBuilder(Duration.ofMillis(ttlMillis))
          .updateTtlOnCreateAndWrite()
          .setTimeProvider(this)
          .build();
    }

    StateTtlConfig onReadAndWrite(long ttlMillis) {
      return StateTtlConfig.newBuilder(Duration.ofMillis(ttlMillis))
          .updateTtlOnReadAndWrite()
          .setTimeProvider(this)
          .build();
    }
  }
}
