package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.state.ValueState;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.SnapshotKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full native checkpoints: every checkpoint carries all files of the database as pieces of its own,
 * so it lives and dies alone, and the savepoints of such a backend stay canonical.
 */
class NativeFullCheckpointTest {
  private static final int KEYS = 200;

  @TempDir Path dir;
  private Backends backends;
  private SnapshotHarness harness;
  private final AllKindsFixture fixture = new AllKindsFixture();

  @BeforeEach
  void setUp() {
    backends = new Backends(dir.resolve("rocksdb"));
    harness = new SnapshotHarness(dir.resolve("checkpoints"));
  }

  @AfterEach
  void tearDown() {
    backends.close();
  }

  private static Set<String> sstFileNames(KeyedStateHandle handle) {
    return handle.pieces().stream()
        .map(StateHandle::location)
        .filter(location -> location.endsWith(".sst"))
        .map(location -> location.substring(location.lastIndexOf("rocksdb-") + "rocksdb-".length()))
        .collect(Collectors.toSet());
  }

  private Path fileOf(StateHandle piece) {
    return harness.storage.directory().resolve(piece.location());
  }

  private void writeMore(RocksDbKeyedStateBackend<String> backend, int n) {
    ValueState<Long> count = backend.getState(fixture.count);
    for (int i = 0; i < n; i++) {
      backend.setCurrentKey("extra-" + i);
      count.update((long) i);
    }
  }

  @Test
  void everyCheckpointUploadsEveryFileOfTheDatabaseAsAPieceOfItsOwn() throws IOException {
    RocksDbKeyedStateBackend<String> backend = backends.nativeFullSubtask(1, 0);
    fixture.fill(backend, KEYS);
    backend.compact(); // no compaction of its own between the two checkpoints
    KeyedStateHandle first = harness.snapshot(backend, 1, SnapshotKind.CHECKPOINT);
    writeMore(backend, 50);
    KeyedStateHandle second = harness.snapshot(backend, 2, SnapshotKind.CHECKPOINT);

    assertThat(first.format()).isEqualTo(NativeHandleFormat.FORMAT);
    assertThat(harness.sharedPiecesWritten).isZero();
    assertThat(first.pieces())
        .allMatch(piece -> piece.location().startsWith(Backends.JOB + "/chk-1/"));
    assertThat(second.pieces())
        .allMatch(piece -> piece.location().startsWith(Backends.JOB + "/chk-2/"))
        .anyMatch(piece -> piece.location().endsWith("CURRENT"));
    // the files of the first are still in the database, so the second carries them again, and
    // the memtable flushed by the second as a new file
    assertThat(sstFileNames(first)).isNotEmpty();
    assertThat(sstFileNames(second)).containsAll(sstFileNames(first));
    assertThat(sstFileNames(second)).hasSizeGreaterThan(sstFileNames(first).size());
  }

  @Test
  void aCheckpointOutlivesTheEarlierOnesItWasTakenAfterAndRestoresExactly() throws IOException {
    RocksDbKeyedStateBackend<String> backend = backends.nativeFullSubtask(1, 0);
    fixture.fill(backend, KEYS);
    KeyedStateHandle first = harness.snapshot(backend, 1, SnapshotKind.CHECKPOINT);
    harness.commit(1, first);
    writeMore(backend, 60);
    KeyedStateHandle second = harness.snapshot(backend, 2, SnapshotKind.CHECKPOINT);
    harness.commit(2, second);

    assertThat(harness.storage.retain(Backends.JOB, 1)).containsExactly(1L);

    assertThat(first.pieces()).allMatch(piece -> !Files.exists(fileOf(piece)));
    assertThat(second.pieces()).allMatch(piece -> Files.exists(fileOf(piece)));
    RocksDbKeyedStateBackend<String> restored =
        harness.restore(backends.nativeFullSubtask(1, 0), List.of(second));
    ValueState<Long> count = restored.getState(fixture.count);
    restored.setCurrentKey("extra-59");
    assertThat(count.value()).isEqualTo(59L);
    // it goes on checkpointing natively after the restore; every state is checked once, at the
    // end (the check moves the fixture's clock past the time-to-live)
    writeMore(restored, 70);
    KeyedStateHandle third = harness.snapshot(restored, 3, SnapshotKind.CHECKPOINT);
    RocksDbKeyedStateBackend<String> again =
        harness.restore(backends.nativeFullSubtask(1, 0), List.of(third));
    again.setCurrentKey("extra-69");
    assertThat(again.getState(fixture.count).value()).isEqualTo(69L);
    assertThat(fixture.verify(again, KEYS)).isEqualTo(KEYS);
  }

  @Test
  void aSavepointOfANativeBackendIsCanonicalAndRestoresIntoHeap() throws IOException {
    RocksDbKeyedStateBackend<String> backend = backends.nativeFullSubtask(1, 0);
    fixture.fill(backend, KEYS);

    KeyedStateHandle savepoint = harness.snapshot(backend, 1, SnapshotKind.SAVEPOINT);

    assertThat(savepoint.isCanonical()).isTrue();
    assertThat(
            fixture.verify(harness.restore(SnapshotHarness.heap(1, 0), List.of(savepoint)), KEYS))
        .isEqualTo(KEYS);
  }
}
