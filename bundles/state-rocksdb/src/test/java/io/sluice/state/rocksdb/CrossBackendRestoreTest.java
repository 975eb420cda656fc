package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.SnapshotKind;
import io.sluice.state.heap.HeapKeyedStateBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every state kind, with and without time-to-live, snapshotted by one backend and restored into
 * another: heap and RocksDB, canonical and native, with the exact contents checked.
 */
class CrossBackendRestoreTest {
  private static final int KEYS = 300;

  @TempDir Path dir;
  private Backends backends;
  private SnapshotHarness harness;
  private final AllKindsFixture fixture = new AllKindsFixture();
  private final List<String> allKeys = IntStream.range(0, KEYS).mapToObj(i -> "key-" + i).toList();

  @BeforeEach
  void setUp() {
    backends = new Backends(dir.resolve("rocksdb"));
    harness = new SnapshotHarness(dir.resolve("checkpoints"));
  }

  @AfterEach
  void tearDown() {
    backends.close();
  }

  private KeyedStateHandle filledSnapshot(KeyedStateBackend<String> source, SnapshotKind kind)
      throws IOException {
    fixture.fill(source, KEYS);
    return harness.snapshot(source, 1, kind);
  }

  private void assertRestoredExactly(KeyedStateBackend<String> target) {
    assertThat(fixture.verify(target, KEYS)).isEqualTo(KEYS);
    assertThat(SnapshotHarness.keys(target, "count")).containsExactlyInAnyOrderElementsOf(allKeys);
    assertThat(SnapshotHarness.keys(target, "words")).hasSize(KEYS / 2);
  }

  @Test
  void heapToHeap() throws IOException {
    KeyedStateHandle handle = filledSnapshot(SnapshotHarness.heap(1, 0), SnapshotKind.CHECKPOINT);

    assertThat(handle.format()).isEqualTo(KeyedStateHandle.CANONICAL);
    assertRestoredExactly(harness.restore(SnapshotHarness.heap(1, 0), List.of(handle)));
  }

  @Test
  void heapToRocksDb() throws IOException {
    KeyedStateHandle handle = filledSnapshot(SnapshotHarness.heap(1, 0), SnapshotKind.SAVEPOINT);

    assertRestoredExactly(harness.restore(backends.allKeyGroups(), List.of(handle)));
  }

  @Test
  void rocksDbToHeap() throws IOException {
    KeyedStateHandle handle = filledSnapshot(backends.allKeyGroups(), SnapshotKind.CHECKPOINT);

    assertThat(handle.format()).isEqualTo(KeyedStateHandle.CANONICAL);
    assertRestoredExactly(harness.restore(SnapshotHarness.heap(1, 0), List.of(handle)));
  }

  @Test
  void rocksDbToRocksDbFull() throws IOException {
    KeyedStateHandle handle = filledSnapshot(backends.allKeyGroups(), SnapshotKind.CHECKPOINT);

    assertRestoredExactly(harness.restore(backends.allKeyGroups(), List.of(handle)));
  }

  @Test
  void rocksDbToRocksDbIncremental() throws IOException {
    KeyedStateHandle handle =
        filledSnapshot(backends.incrementalSubtask(1, 0), SnapshotKind.CHECKPOINT);

    assertThat(handle.format()).isEqualTo("rocksdb-incremental-v1");
    assertRestoredExactly(harness.restore(backends.incrementalSubtask(1, 0), List.of(handle)));
  }

  @ParameterizedTest
  @EnumSource(names = {"NATIVE_FULL", "NATIVE_INCREMENTAL"})
  void aSavepointOfANativeBackendIsCanonicalAndRestoresIntoHeap(CheckpointFormat format)
      throws IOException {
    KeyedStateHandle handle =
        filledSnapshot(backends.nativeSubtask(format, 1, 0), SnapshotKind.SAVEPOINT);

    assertThat(handle.format()).isEqualTo(KeyedStateHandle.CANONICAL);
    assertRestoredExactly(harness.restore(SnapshotHarness.heap(1, 0), List.of(handle)));
  }

  @Test
  void heapToRocksDbAndBackToHeapKeepsStatesThatWereNeverRegistered() throws IOException {
    KeyedStateHandle first = filledSnapshot(SnapshotHarness.heap(1, 0), SnapshotKind.SAVEPOINT);
    RocksDbKeyedStateBackend<String> middle =
        harness.restore(backends.allKeyGroups(), List.of(first));
    middle.getState(fixture.count); // the only state this version of the job uses
    KeyedStateHandle second = harness.snapshot(middle, 2, SnapshotKind.SAVEPOINT);

    HeapKeyedStateBackend<String> last =
        harness.restore(SnapshotHarness.heap(1, 0), List.of(second));

    assertRestoredExactly(last);
  }
}
