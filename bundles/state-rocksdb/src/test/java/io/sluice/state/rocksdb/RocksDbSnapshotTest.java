package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Snapshots of the RocksDB backend: asynchrony, rescaling and damaged input. */
class RocksDbSnapshotTest {
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

  /** Changes every kind of state of every key, adds a key and clears one. */
  private void overwrite(KeyedStateBackend<String> backend) {
    ValueState<Long> count = backend.getState(fixture.count);
    ListState<String> words = backend.getListState(fixture.words);
    MapState<String, Integer> seen = backend.getMapState(fixture.seen);
    for (int i = 0; i < KEYS; i++) {
      backend.setCurrentKey(AllKindsFixture.key(i));
      count.update(-1L);
      words.add("late");
      seen.put("late", -1);
      seen.remove("all");
      backend.getReducingState(fixture.sum).add(5L);
    }
    backend.setCurrentKey("key-new");
    count.update(7L);
    backend.setCurrentKey(AllKindsFixture.key(3));
    count.clear();
    words.clear();
  }

  @Test
  void aCanonicalSnapshotIsUnaffectedByWritesAfterSnapshotIsCalled() throws IOException {
    RocksDbKeyedStateBackend<String> source = backends.allKeyGroups();
    fixture.fill(source, KEYS);
    KeyedStateSnapshot snapshot = source.snapshot(1, SnapshotKind.CHECKPOINT);
    overwrite(source);

    KeyedStateHandle handle = harness.write(snapshot, source, 1, SnapshotKind.CHECKPOINT);
    snapshot.release();

    assertThat(fixture.verify(harness.restore(SnapshotHarness.heap(1, 0), List.of(handle)), KEYS))
        .isEqualTo(KEYS);
  }

  @Test
  void aCanonicalSnapshotCopiesKeysAndValuesOfEverySizeWhole() throws IOException {
    // the writer reads entries into arrays it reuses and grows: sizes go up and down across them
    ValueStateDescriptor<String> textDescriptor = new ValueStateDescriptor<>("text", String.class);
    ListStateDescriptor<String> linesDescriptor = new ListStateDescriptor<>("lines", String.class);
    MapStateDescriptor<String, String> notesDescriptor =
        new MapStateDescriptor<>("notes", String.class, String.class);
    int[] sizes = {0, 1, 63, 64, 65, 300, 5_000, 2, 255, 256, 257, 70_000, 10};
    Map<String, Integer> keys = new HashMap<>();
    for (int i = 0; i < sizes.length; i++) {
      keys.put(i + "-" + "k".repeat(sizes[(i + 5) % sizes.length]), sizes[i]);
    }
    RocksDbKeyedStateBackend<String> source = backends.allKeyGroups();
    for (Map.Entry<String, Integer> key : keys.entrySet()) {
      source.setCurrentKey(key.getKey());
      String text = text(key.getKey(), key.getValue());
      source.getState(textDescriptor).update(text);
      source.getListState(linesDescriptor).add(text);
      source.getListState(linesDescriptor).add("");
      source.getMapState(notesDescriptor).put(text, key.getKey());
    }

    KeyedStateBackend<String> restored =
        harness.restore(
            SnapshotHarness.heap(1, 0),
            List.of(harness.snapshot(source, 1, SnapshotKind.CHECKPOINT)));

    for (Map.Entry<String, Integer> key : keys.entrySet()) {
      restored.setCurrentKey(key.getKey());
      String text = text(key.getKey(), key.getValue());
      assertThat(restored.getState(textDescriptor).value()).isEqualTo(text);
      assertThat(restored.getListState(linesDescriptor).get()).containsExactly(text, "");
      assertThat(restored.getMapState(notesDescriptor).get(text)).isEqualTo(key.getKey());
    }
  }

  /** {@code size} characters that differ from key to key. */
  private static String text(String key, int size) {
    StringBuilder text = new StringBuilder(size);
    for (int i = 0; i < size; i++) {
      text.append((char) ('a' + Math.floorMod(key.hashCode() + i, 26)));
    }
    return text.toString();
  }

  @Test
  void anNativeSnapshotIsUnaffectedByWritesAfterSnapshotIsCalled() throws IOException {
    RocksDbKeyedStateBackend<String> source = backends.incrementalSubtask(1, 0);
    fixture.fill(source, KEYS);
    KeyedStateSnapshot snapshot = source.snapshot(1, SnapshotKind.CHECKPOINT);
    overwrite(source);
    source.compact(); // even files being replaced under it do not matter

    KeyedStateHandle handle = harness.write(snapshot, source, 1, SnapshotKind.CHECKPOINT);
    snapshot.release();

    assertThat(fixture.verify(harness.restore(backends.allKeyGroups(), List.of(handle)), KEYS))
        .isEqualTo(KEYS);
  }

  @Test
  void aSnapshotWrittenOnAnotherThreadWhileTheTaskWritesHoldsTheStateOfTheSnapshotCall()
      throws Exception {
    List<KeyedStateBackend<String>> sources =
        List.of(
            backends.allKeyGroups(), backends.incrementalSubtask(1, 0), SnapshotHarness.heap(1, 0));
    for (int id = 1; id <= sources.size(); id++) {
      KeyedStateBackend<String> source = sources.get(id - 1);
      long checkpointId = id;
      fixture.fill(source, KEYS);
      KeyedStateSnapshot snapshot = source.snapshot(checkpointId, SnapshotKind.CHECKPOINT);
      ExecutorService writer = Executors.newSingleThreadExecutor();
      try {
        Future<KeyedStateHandle> written =
            writer.submit(
                () -> harness.write(snapshot, source, checkpointId, SnapshotKind.CHECKPOINT));
        overwrite(source); // the task goes on at the same time
        KeyedStateHandle handle = written.get();
        snapshot.release();

        assertThat(fixture.verify(harness.restore(backends.allKeyGroups(), List.of(handle)), KEYS))
            .as("snapshot of %s", source)
            .isEqualTo(KEYS);
      } finally {
        writer.shutdown();
      }
    }
  }

  @Test
  void closingTheBackendWhileASnapshotIsWrittenNeitherCrashesNorWritesGarbage() throws Exception {
    RocksDbKeyedStateBackend<String> source = backends.allKeyGroups();
    fixture.fill(source, KEYS);
    KeyedStateSnapshot snapshot = source.snapshot(1, SnapshotKind.SAVEPOINT);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<KeyedStateHandle> written =
          writer.submit(() -> harness.write(snapshot, source, 1, SnapshotKind.SAVEPOINT));
      source.close(); // waits until the writer no longer reads the database
      KeyedStateHandle handle;
      try {
        handle = written.get();
      } catch (ExecutionException e) {
        assertThat(e.getCause())
            .isInstanceOf(IOException.class)
            .hasMessageContaining("was closed while a snapshot of it was being written");
        return;
      }
      // the writer finished first: then what it wrote is complete
      assertThat(fixture.verify(harness.restore(SnapshotHarness.heap(1, 0), List.of(handle)), KEYS))
          .isEqualTo(KEYS);
    } finally {
      snapshot.release();
      writer.shutdown();
    }
  }

  @Test
  void closingTheBackendWhileASnapshotWaitsMakesItsWriteFailClearly() throws IOException {
    RocksDbKeyedStateBackend<String> source = backends.allKeyGroups();
    fixture.fill(source, 10);
    KeyedStateSnapshot snapshot = source.snapshot(1, SnapshotKind.SAVEPOINT);
    source.close();

    assertThatThrownBy(() -> harness.write(snapshot, source, 1, SnapshotKind.SAVEPOINT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("was closed while a snapshot of it was being written");
    snapshot.release(); // harmless afterwards
  }

  @Test
  void rescalingCanonicalSnapshotsOfTwoSubtasksIntoThreeAndIntoOne() throws IOException {
    List<KeyedStateHandle> handles = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      RocksDbKeyedStateBackend<String> source = backends.subtask(2, subtask);
      fixture.fill(source, KEYS);
      handles.add(harness.snapshot(source, 1, SnapshotKind.SAVEPOINT));
    }

    assertRescaled(handles, 3, (p, i) -> backends.subtask(p, i));
    assertRescaled(handles, 3, SnapshotHarness::heap);
    assertRescaled(handles, 1, SnapshotHarness::heap);
  }

  @ParameterizedTest
  @EnumSource(names = {"NATIVE_FULL", "NATIVE_INCREMENTAL"})
  void rescalingNativeCheckpointsOfTwoSubtasksIntoThreeAndIntoOne(CheckpointFormat format)
      throws IOException {
    List<KeyedStateHandle> handles = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      RocksDbKeyedStateBackend<String> source = backends.nativeSubtask(format, 2, subtask);
      fixture.fill(source, KEYS);
      handles.add(harness.snapshot(source, 1, SnapshotKind.CHECKPOINT));
    }

    assertThat(handles).allMatch(handle -> handle.format().equals("rocksdb-incremental-v1"));
    assertRescaled(handles, 3, (p, i) -> backends.nativeSubtask(format, p, i));
    assertRescaled(handles, 1, (p, i) -> backends.nativeSubtask(format, p, i));
  }

  /**
   * Restores the handles into {@code parallelism} backends with the ranges of that parallelism and
   * checks that every key lands in exactly one of them, with its values.
   */
  private void assertRescaled(
      List<KeyedStateHandle> handles,
      int parallelism,
      BiFunction<Integer, Integer, KeyedStateBackend<String>> create)
      throws IOException {
    Map<String, Integer> owner = new HashMap<>();
    int checked = 0;
    for (int subtask = 0; subtask < parallelism; subtask++) {
      KeyedStateBackend<String> target =
          harness.restore(create.apply(parallelism, subtask), handles);
      KeyGroupRange range =
          KeyGroups.rangeForOperator(Backends.MAX_PARALLELISM, parallelism, subtask);
      assertThat(target.getKeyGroupRange()).isEqualTo(range);
      checked += fixture.verify(target, KEYS);
      for (String key : SnapshotHarness.keys(target, "count")) {
        assertThat(range.contains(Backends.keyGroupOf(key))).as(key).isTrue();
        assertThat(owner.put(key, subtask)).as("%s in two backends", key).isNull();
      }
      for (String key : SnapshotHarness.keys(target, "seen")) {
        assertThat(owner.get(key)).as("map state of %s", key).isEqualTo(subtask);
      }
      target.close();
    }
    assertThat(checked).isEqualTo(KEYS);
    assertThat(owner).hasSize(KEYS);
  }

  @Test
  void aTruncatedCanonicalPieceIsReportedAsCorrupt() throws IOException {
    RocksDbKeyedStateBackend<String> source = backends.allKeyGroups();
    fixture.fill(source, KEYS);
    KeyedStateHandle handle = harness.snapshot(source, 1, SnapshotKind.SAVEPOINT);
    truncate(handle.pieces().get(0));

    assertThatThrownBy(() -> harness.restore(backends.allKeyGroups(), List.of(handle)))
        .isInstanceOf(CorruptCheckpointException.class);
  }

  @ParameterizedTest
  @EnumSource(names = {"NATIVE_FULL", "NATIVE_INCREMENTAL"})
  void aTruncatedSstFileOfANativeCheckpointIsReportedAsCorrupt(CheckpointFormat format)
      throws IOException {
    RocksDbKeyedStateBackend<String> source = backends.nativeSubtask(format, 1, 0);
    fixture.fill(source, KEYS);
    KeyedStateHandle handle = harness.snapshot(source, 1, SnapshotKind.CHECKPOINT);
    StateHandle sst =
        handle.pieces().stream()
            .filter(p -> p.location().endsWith(".sst"))
            .findFirst()
            .orElseThrow();
    truncate(sst);

    assertThatThrownBy(() -> harness.restore(backends.nativeSubtask(format, 1, 0), List.of(handle)))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining(sst.location().substring(sst.location().lastIndexOf('/') + 1));
  }

  @Test
  void anUnknownFormatIsRefusedWithAMessageSayingWhatCanBeRead() {
    KeyedStateHandle handle =
        new KeyedStateHandle(
            "rocksdb-incremental-v9", new KeyGroupRange(0, 127), List.of(), new byte[0]);

    assertThatThrownBy(() -> harness.restore(backends.allKeyGroups(), List.of(handle)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 'rocksdb-incremental-v9'")
        .hasMessageContaining(
            "it reads canonical-v1 (savepoints, any backend) and rocksdb-incremental-v1");
  }

  @ParameterizedTest
  @EnumSource(names = {"NATIVE_FULL", "NATIVE_INCREMENTAL"})
  void theHeapBackendRefusesANativeHandleAndPointsToASavepoint(CheckpointFormat format)
      throws IOException {
    RocksDbKeyedStateBackend<String> source = backends.nativeSubtask(format, 1, 0);
    fixture.fill(source, 10);
    KeyedStateHandle handle = harness.snapshot(source, 1, SnapshotKind.CHECKPOINT);

    assertThatThrownBy(() -> harness.restore(SnapshotHarness.heap(1, 0), List.of(handle)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 'rocksdb-incremental-v1'")
        .hasMessageContaining("take a savepoint there");
  }

  @Test
  void registeringARestoredStateAsAnotherKindNamesTheState() throws IOException {
    RocksDbKeyedStateBackend<String> source = backends.allKeyGroups();
    fixture.fill(source, 10);
    KeyedStateHandle handle = harness.snapshot(source, 1, SnapshotKind.SAVEPOINT);
    RocksDbKeyedStateBackend<String> target =
        harness.restore(backends.allKeyGroups(), List.of(handle));

    assertThatThrownBy(
            () ->
                target.getMapState(
                    new io.sluice.api.state.MapStateDescriptor<>(
                        "words", String.class, String.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'words'")
        .hasMessageContaining("restored as LIST without ttl but is registered as MAP without ttl");
  }

  private void truncate(StateHandle piece) throws IOException {
    Path file = harness.storage.directory().resolve(piece.location());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 7));
  }
}
