package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.StateAccessException;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStateBackendTest {
  @TempDir Path directory;

  @Test
  void isSelectedByTheNameRocksdbAndDefaultsTo64MbUnderTheTempDir() {
    try (RocksDbStateBackend backend = new RocksDbStateBackend()) {
      assertThat(backend.name()).isEqualTo("rocksdb");
      assertThat(backend.memoryBudgetBytes()).isEqualTo(64L * 1024 * 1024);
      assertThat(backend.directory())
          .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "sluice-rocksdb"));
    }
  }

  @Test
  void theComponentConfigurationSetsDirectoryAndBudgetFromStrings() {
    Map<String, Object> config =
        Map.of("directory", directory.toString(), "memory.budget.mb", " 8 ");
    try (RocksDbStateBackend backend = new RocksDbStateBackend(config)) {
      assertThat(backend.directory()).isEqualTo(directory.toAbsolutePath());
      assertThat(backend.memoryBudgetBytes()).isEqualTo(8L * 1024 * 1024);
    }
    assertThatThrownBy(() -> new RocksDbStateBackend(Map.of("memory.budget.mb", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memory.budget.mb");
    assertThatThrownBy(() -> new RocksDbStateBackend(directory, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyedBackendsOutliveTheBackendsOwnHandleOnTheSharedMemory() {
    RocksDbStateBackend backend = new RocksDbStateBackend(directory, 8);
    RocksDbKeyedStateBackend<String> keyed =
        backend.createKeyedStateBackend(Backends.parameters(1, 0));
    ValueState<String> state = keyed.getState(new ValueStateDescriptor<>("s", String.class));
    keyed.setCurrentKey("k");
    state.update("before");

    backend.close();
    state.update("after");

    assertThat(state.value()).isEqualTo("after");
    keyed.close();
    assertThat(keyed.directory()).doesNotExist();
  }

  @Test
  void aClosedBackendRefusesNewKeyedStateWithAClearErrorInsteadOfCrashing() {
    // Creating a database with the freed cache crashed the JVM (seen when the RocksDB bundle
    // stopped while a task was deploying).
    RocksDbStateBackend backend = new RocksDbStateBackend(directory, 8);
    backend.close();
    backend.close(); // idempotent

    assertThatThrownBy(() -> backend.createKeyedStateBackend(Backends.parameters(1, 0)))
        .isInstanceOf(StateAccessException.class)
        .hasMessageContaining("was shut down");
  }

  @Test
  void closingWhileKeyedBackendsAreCreatedNeverHandsThemFreedMemory() throws Exception {
    for (int round = 0; round < 20; round++) {
      RocksDbStateBackend backend = new RocksDbStateBackend(directory.resolve("r" + round), 8);
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.atomic.AtomicInteger created =
          new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger refused =
          new java.util.concurrent.atomic.AtomicInteger();
      Thread creator =
          new Thread(
              () -> {
                try {
                  go.await();
                  for (int i = 0; i < 5; i++) {
                    try {
                      backend.createKeyedStateBackend(Backends.parameters(1, 0)).close();
                      created.incrementAndGet();
                    } catch (StateAccessException expected) {
                      refused.incrementAndGet();
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      creator.start();
      go.countDown();
      backend.close();
      creator.join();
      assertThat(created.get() + refused.get()).isEqualTo(5);
    }
  }

  @Test
  void incrementalCheckpointsAreOffUnlessConfiguredUnderEitherName() {
    try (RocksDbStateBackend plain = new RocksDbStateBackend(Map.of());
        RocksDbStateBackend local = new RocksDbStateBackend(Map.of("incremental", "true"));
        RocksDbStateBackend global =
            new RocksDbStateBackend(Map.of("state.backend.incremental", Boolean.TRUE))) {
      assertThat(plain.isIncremental()).isFalse();
      assertThat(local.isIncremental()).isTrue();
      assertThat(global.isIncremental()).isTrue();
      assertThat(global.toString()).contains("incremental");
    }
    assertThatThrownBy(() -> new RocksDbStateBackend(Map.of("incremental", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("incremental must be true or false, was 'yes'");
  }

  @Test
  void theCheckpointFormatIsCanonicalUnlessConfiguredUnderEitherName() {
    try (RocksDbStateBackend plain = new RocksDbStateBackend(Map.of());
        RocksDbStateBackend local = new RocksDbStateBackend(Map.of("checkpoint.format", "native"));
        RocksDbStateBackend global =
            new RocksDbStateBackend(Map.of("state.backend.rocksdb.checkpoint.format", " NATIVE "));
        RocksDbStateBackend incremental =
            new RocksDbStateBackend(
                Map.of("checkpoint.format", "incremental", "incremental", "true"))) {
      assertThat(plain.checkpointFormat()).isEqualTo(CheckpointFormat.CANONICAL);
      assertThat(local.checkpointFormat()).isEqualTo(CheckpointFormat.NATIVE_FULL);
      assertThat(global.checkpointFormat()).isEqualTo(CheckpointFormat.NATIVE_FULL);
      assertThat(global.isIncremental()).isFalse();
      assertThat(global.toString()).contains("native checkpoints");
      assertThat(incremental.checkpointFormat()).isEqualTo(CheckpointFormat.NATIVE_INCREMENTAL);
    }
  }

  @Test
  void anUnknownCheckpointFormatOrOneThatContradictsIncrementalIsRefused() {
    assertThatThrownBy(() -> new RocksDbStateBackend(Map.of("checkpoint.format", "sst")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkpoint.format must be canonical, native or incremental")
        .hasMessageContaining("'sst'");
    assertThatThrownBy(
            () ->
                new RocksDbStateBackend(
                    Map.of("checkpoint.format", "canonical", "incremental", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("incremental=true asks for incremental checkpoints")
        .hasMessageContaining("checkpoint.format is 'canonical'");
  }
}
