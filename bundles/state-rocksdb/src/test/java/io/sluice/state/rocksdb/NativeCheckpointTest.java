package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.state.ValueState;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.SnapshotKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native checkpoints. Incremental: only new SST files are uploaded, shared files live while
 * referenced. Full: every checkpoint carries all files of the database as pieces of its own, so it
 * lives and dies alone.
 */
class NativeCheckpointTest {
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

  private static Set<StateHandle> sstPieces(KeyedStateHandle handle) {
    return handle.pieces().stream()
        .filter(piece -> piece.location().endsWith(".sst"))
        .collect(Collectors.toSet());
  }

  /** The RocksDB file names of the SST pieces (a piece is named after its file). */
  private static Set<String> sstFileNames(KeyedStateHandle handle) {
    return sstPieces(handle).stream()
        .map(StateHandle::location)
        .map(location -> location.substring(location.lastIndexOf("rocksdb-") + "rocksdb-".length()))
        .collect(Collectors.toSet());
  }

  private Path fileOf(StateHandle piece) {
    return harness.storage.directory().resolve(piece.location());
  }

  /** Writes a value for keys extra-0..n-1: new data, so the next flush makes new SST files. */
  /**
   * Compacts what the fill wrote, so no background compaction is due while the test takes its
   * checkpoints: the fill leaves many level-0 files, and a compaction RocksDB starts on its own
   * would replace files of the first checkpoint before the second (seen on a slower machine).
   */
  private static void settle(RocksDbKeyedStateBackend<String> backend) {
    backend.compact();
  }

  private void writeMore(RocksDbKeyedStateBackend<String> backend, int n) {
    ValueState<Long> count = backend.getState(fixture.count);
    for (int i = 0; i < n; i++) {
      backend.setCurrentKey("extra-" + i);
      count.update((long) i);
    }
  }

  @Test
  void theSecondCheckpointUploadsOnlyTheNewFilesAndReferencesTheOthers() throws IOException {
    RocksDbKeyedStateBackend<String> backend = backends.incrementalSubtask(1, 0);
    fixture.fill(backend, KEYS);
    settle(backend);
    KeyedStateHandle first = harness.snapshot(backend, 1, SnapshotKind.CHECKPOINT);
    int uploadedByFirst = harness.sharedPiecesWritten;
    Set<StateHandle> firstSsts = sstPieces(first);

    writeMore(backend, 50);
    KeyedStateHandle second = harness.snapshot(backend, 2, SnapshotKind.CHECKPOINT);
    Set<StateHandle> secondSsts = sstPieces(second);
    Set<StateHandle> newInSecond = new HashSet<>(secondSsts);
    newInSecond.removeAll(firstSsts);

    assertThat(uploadedByFirst).isEqualTo(firstSsts.size()).isPositive();
    assertThat(secondSsts).containsAll(firstSsts); // no compaction ran: all files still live
    assertThat(newInSecond).isNotEmpty();
    assertThat(harness.sharedPiecesWritten - uploadedByFirst).isEqualTo(newInSecond.size());
    assertThat(secondSsts).allMatch(piece -> piece.location().contains("/shared/"));
    // the small files are the checkpoint's own
    assertThat(second.pieces())
        .filteredOn(piece -> !piece.location().endsWith(".sst"))
        .allMatch(piece -> piece.location().startsWith(Backends.JOB + "/chk-2/"))
        .anyMatch(piece -> piece.location().contains("CURRENT"));
  }

  @Test
  void retainKeepsSharedFilesARetainedCheckpointReferencesAndDeletesTheRest() throws IOException {
    RocksDbKeyedStateBackend<String> backend = backends.incrementalSubtask(1, 0);
    fixture.fill(backend, KEYS);
    settle(backend);
    KeyedStateHandle first = harness.snapshot(backend, 1, SnapshotKind.CHECKPOINT);
    harness.commit(1, first);
    writeMore(backend, 50);
    KeyedStateHandle second = harness.snapshot(backend, 2, SnapshotKind.CHECKPOINT);
    harness.commit(2, second);
    writeMore(backend, 60);
    backend.compact(); // replaces the files of checkpoints 1 and 2 by new ones
    KeyedStateHandle third = harness.snapshot(backend, 3, SnapshotKind.CHECKPOINT);
    harness.commit(3, third);
    Set<StateHandle> onlyEarlier = new HashSet<>(sstPieces(first));
    onlyEarlier.addAll(sstPieces(second));
    onlyEarlier.removeAll(sstPieces(third));

    assertThat(harness.storage.retain(Backends.JOB, 2)).containsExactly(1L);
    // checkpoint 2 still references every file of checkpoint 1
    assertThat(sstPieces(first)).allMatch(piece -> Files.exists(fileOf(piece)));

    assertThat(harness.storage.retain(Backends.JOB, 1)).containsExactly(2L);
    assertThat(onlyEarlier).isNotEmpty().allMatch(piece -> !Files.exists(fileOf(piece)));
    assertThat(sstPieces(third)).allMatch(piece -> Files.exists(fileOf(piece)));

    RocksDbKeyedStateBackend<String> restored =
        harness.restore(backends.incrementalSubtask(1, 0), List.of(third));
    assertThat(fixture.verify(restored, KEYS)).isEqualTo(KEYS);
    ValueState<Long> count = restored.getState(fixture.count);
    restored.setCurrentKey("extra-59");
    assertThat(count.value()).isEqualTo(59L);
  }

  @Test
  void aRestoredBackendCheckpointsIncrementallyAgainWithoutClashingFileNames() throws IOException {
    RocksDbKeyedStateBackend<String> original = backends.incrementalSubtask(1, 0);
    fixture.fill(original, KEYS);
    KeyedStateHandle first = harness.snapshot(original, 1, SnapshotKind.CHECKPOINT);
    RocksDbKeyedStateBackend<String> restored =
        harness.restore(backends.incrementalSubtask(1, 0), List.of(first));
    writeMore(restored, 10);

    KeyedStateHandle second = harness.snapshot(restored, 2, SnapshotKind.CHECKPOINT);

    Map<String, Long> names =
        second.pieces().stream()
            .collect(Collectors.groupingBy(StateHandle::location, Collectors.counting()));
    assertThat(names.values()).allMatch(n -> n == 1);
    RocksDbKeyedStateBackend<String> again =
        harness.restore(backends.incrementalSubtask(1, 0), List.of(second));
    assertThat(fixture.verify(again, KEYS)).isEqualTo(KEYS);
  }

  @Test
  void everyFullCheckpointUploadsEveryFileOfTheDatabaseAsAPieceOfItsOwn() throws IOException {
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
  void aFullCheckpointOutlivesTheEarlierOnesItWasTakenAfterAndRestoresExactly() throws IOException {
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
}
