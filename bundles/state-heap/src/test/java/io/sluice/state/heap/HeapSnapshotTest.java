package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.checkpoint.fs.FsCheckpointStorage;
import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.CheckpointStorageTarget;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of the heap backend in the canonical format and restores from them. */
class HeapSnapshotTest {
  @TempDir Path dir;

  private final ValueStateDescriptor<Long> countDescriptor =
      new ValueStateDescriptor<>("count", Long.class);
  private final ListStateDescriptor<String> wordsDescriptor =
      new ListStateDescriptor<>("words", String.class);
  private final MapStateDescriptor<String, Integer> seenDescriptor =
      new MapStateDescriptor<>("seen", String.class, Integer.class);

  private FsCheckpointStorage storage;

  /** One storage per test: a second instance would clear the first one's uncommitted pieces. */
  private FsCheckpointStorage storage() {
    if (storage == null) {
      storage = new FsCheckpointStorage(dir.resolve("checkpoints"));
    }
    return storage;
  }

  private KeyedStateHandle snapshot(HeapKeyedStateBackend<String> backend, long id)
      throws IOException {
    KeyedStateSnapshot snapshot = backend.snapshot(id, SnapshotKind.CHECKPOINT);
    try {
      return write(snapshot, id, backend);
    } finally {
      snapshot.release();
    }
  }

  private KeyedStateHandle write(
      KeyedStateSnapshot snapshot, long id, HeapKeyedStateBackend<String> backend)
      throws IOException {
    return snapshot.write(
        new CheckpointStorageTarget(
            storage(),
            TestBackends.JOB,
            id,
            SnapshotKind.CHECKPOINT,
            TestBackends.OPERATOR,
            backend.getKeyGroupRange().startKeyGroup()));
  }

  private HeapKeyedStateBackend<String> restored(
      int parallelism, int subtask, List<KeyedStateHandle> handles) throws IOException {
    HeapKeyedStateBackend<String> backend = TestBackends.subtask(parallelism, subtask);
    backend.restore(handles, storage()::openStateStream);
    return backend;
  }

  @Test
  void valueListAndMapStateRoundTripWithExactContents() throws IOException {
    HeapKeyedStateBackend<String> source = TestBackends.allKeyGroups();
    fill(source, 50);

    HeapKeyedStateBackend<String> target = restored(1, 0, List.of(snapshot(source, 1)));

    assertContents(target, 50, false);
    assertThat(target.numberOfEntries("count")).isEqualTo(50);
    assertThat(target.numberOfEntries("words")).isEqualTo(25); // odd keys have no words
  }

  @Test
  void theSnapshotIsUnaffectedByWritesAfterSnapshotIsCalled() throws IOException {
    HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
    fill(backend, 10);
    KeyedStateSnapshot snapshot = backend.snapshot(1, SnapshotKind.CHECKPOINT);

    // the task goes on: change values, lists and maps in place, add and remove keys
    ValueState<Long> count = backend.getState(countDescriptor);
    ListState<String> words = backend.getListState(wordsDescriptor);
    MapState<String, Integer> seen = backend.getMapState(seenDescriptor);
    for (int i = 0; i < 10; i++) {
      backend.setCurrentKey("key-" + i);
      count.update(-1L);
      words.add("late");
      seen.put("late", -1);
      seen.remove("w" + i);
    }
    backend.setCurrentKey("key-new");
    count.update(99L);
    backend.setCurrentKey("key-3");
    count.clear();

    KeyedStateHandle handle = write(snapshot, 1, backend);
    snapshot.release();

    assertContents(restored(1, 0, List.of(handle)), 10, false);
  }

  @Test
  void rescalingTwoSubtasksToThreePutsEveryKeyInExactlyOneBackendWithItsValues()
      throws IOException {
    List<KeyedStateHandle> handles = new ArrayList<>();
    Map<String, Long> expected = new HashMap<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      HeapKeyedStateBackend<String> backend = TestBackends.subtask(2, subtask);
      ValueState<Long> count = backend.getState(countDescriptor);
      for (int i = 0; i < 400; i++) {
        String key = "key-" + i;
        if (backend.getKeyGroupRange().contains(TestBackends.keyGroupOf(key))) {
          backend.setCurrentKey(key);
          count.update((long) i * 3);
          expected.put(key, (long) i * 3);
        }
      }
      handles.add(snapshot(backend, 1));
    }

    Map<String, Long> found = new HashMap<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      HeapKeyedStateBackend<String> backend = restored(3, subtask, handles);
      KeyGroupRange range = KeyGroups.rangeForOperator(TestBackends.MAX_PARALLELISM, 3, subtask);
      assertThat(backend.getKeyGroupRange()).isEqualTo(range);
      ValueState<Long> count = backend.getState(countDescriptor);
      for (String key : backend.keys("count")) {
        assertThat(range.contains(TestBackends.keyGroupOf(key))).isTrue();
        backend.setCurrentKey(key);
        assertThat(found.put(key, count.value())).as("key %s in two backends", key).isNull();
      }
    }
    assertThat(found).hasSize(400).isEqualTo(expected);
  }

  @Test
  void aStateNotRegisteredAgainIsCarriedIntoTheNextSnapshotUnchanged() throws IOException {
    HeapKeyedStateBackend<String> original = TestBackends.allKeyGroups();
    fill(original, 20);
    HeapKeyedStateBackend<String> middle = restored(1, 0, List.of(snapshot(original, 1)));
    middle.getState(countDescriptor); // only "count" is used by the new version of the job

    HeapKeyedStateBackend<String> last = restored(1, 0, List.of(snapshot(middle, 2)));

    assertContents(last, 20, false);
  }

  @Test
  void registeringARestoredStateAsAnotherKindNamesTheState() throws IOException {
    HeapKeyedStateBackend<String> original = TestBackends.allKeyGroups();
    fill(original, 3);
    HeapKeyedStateBackend<String> target = restored(1, 0, List.of(snapshot(original, 1)));

    assertThatThrownBy(() -> target.getListState(new ListStateDescriptor<>("count", Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'count'")
        .hasMessageContaining(
            "restored as VALUE without ttl but is registered as LIST without ttl");
  }

  @Test
  void registeringARestoredStateWithTimeToLiveAddedIsRefused() throws IOException {
    HeapKeyedStateBackend<String> original = TestBackends.allKeyGroups();
    fill(original, 3);
    HeapKeyedStateBackend<String> target = restored(1, 0, List.of(snapshot(original, 1)));
    ValueStateDescriptor<Long> withTtl = new ValueStateDescriptor<>("count", Long.class);
    withTtl.enableTimeToLive(new ManualClock(0).onCreateAndWrite(10));

    assertThatThrownBy(() -> target.getState(withTtl))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'count'")
        .hasMessageContaining("restored as VALUE without ttl but is registered as VALUE with ttl");
  }

  @Test
  void timeToLiveTimestampsSurviveTheRoundTrip() throws IOException {
    ManualClock clock = new ManualClock(1_000);
    ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("count", Long.class);
    descriptor.enableTimeToLive(clock.onCreateAndWrite(100));
    HeapKeyedStateBackend<String> source = TestBackends.allKeyGroups();
    ValueState<Long> count = source.getState(descriptor);
    source.setCurrentKey("old");
    count.update(1L); // stamped 1000, expires at 1100
    clock.advance(50);
    source.setCurrentKey("young");
    count.update(2L); // stamped 1050, expires at 1150

    HeapKeyedStateBackend<String> target = restored(1, 0, List.of(snapshot(source, 1)));
    ValueState<Long> restoredCount = target.getState(descriptor);
    clock.advance(60); // now 1110

    target.setCurrentKey("old");
    assertThat(restoredCount.value()).isNull();
    target.setCurrentKey("young");
    assertThat(restoredCount.value()).isEqualTo(2L);
  }

  @Test
  void aTruncatedPieceIsReportedAsCorrupt() throws IOException {
    HeapKeyedStateBackend<String> source = TestBackends.allKeyGroups();
    fill(source, 20);
    KeyedStateHandle handle = snapshot(source, 1);
    StateHandle piece = handle.pieces().get(0);
    Path file = storage().directory().resolve(piece.location());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> restored(1, 0, List.of(handle)))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining(file.getFileName().toString());
  }

  @Test
  void garbageWithAValidChecksumIsReportedByTheFormatChecks() throws IOException {
    HeapKeyedStateBackend<String> source = TestBackends.allKeyGroups();
    fill(source, 5);
    KeyedStateHandle handle = snapshot(source, 1);
    StateHandle piece = handle.pieces().get(0);
    // a piece of another kind of state: the storage verifies it, the format does not
    StateHandle garbage;
    try (var out = storage().createStateStream(TestBackends.JOB, 2, "garbage")) {
      out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
      garbage = out.closeAndGetHandle();
    }
    KeyedStateHandle wrong =
        new KeyedStateHandle(
            KeyedStateHandle.CANONICAL,
            handle.keyGroupRange(),
            List.of(garbage),
            handle.metadata());

    assertThatThrownBy(() -> restored(1, 0, List.of(wrong)))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("expected canonical keyed state (magic 0x534c4b53)")
        .hasMessageContaining("magic 0x1020304");
    assertThat(piece.length()).isGreaterThan(10);
  }

  @Test
  void aSnapshotOfOtherKeyGroupsThanItsHandleSaysIsRefused() throws IOException {
    HeapKeyedStateBackend<String> source = TestBackends.subtask(2, 0);
    KeyedStateHandle handle = snapshot(source, 1);
    KeyedStateHandle lying =
        new KeyedStateHandle(
            KeyedStateHandle.CANONICAL, new KeyGroupRange(0, 127), handle.pieces(), new byte[0]);

    assertThatThrownBy(() -> restored(1, 0, List.of(lying)))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("expected key groups KeyGroupRange[startKeyGroup=0, endKeyGroup=127]")
        .hasMessageContaining("found key groups [0, 63]");
  }

  @Test
  void anUnknownFormatIsRefusedWithAMessageSayingWhatCanReadIt() throws IOException {
    KeyedStateHandle handle =
        new KeyedStateHandle(
            "rocksdb-incremental-v1", new KeyGroupRange(0, 127), List.of(), new byte[0]);

    assertThatThrownBy(() -> restored(1, 0, List.of(handle)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 'rocksdb-incremental-v1'")
        .hasMessageContaining("take a savepoint");
  }

  /** Keys key-0..n-1: count = i * 10; even keys: words [w-i, x-i]; all: seen {wI: i, all: 1}. */
  private void fill(HeapKeyedStateBackend<String> backend, int keys) {
    ValueState<Long> count = backend.getState(countDescriptor);
    ListState<String> words = backend.getListState(wordsDescriptor);
    MapState<String, Integer> seen = backend.getMapState(seenDescriptor);
    for (int i = 0; i < keys; i++) {
      backend.setCurrentKey("key-" + i);
      count.update(i * 10L);
      if (i % 2 == 0) {
        words.add("w-" + i);
        words.add("x-" + i);
      }
      seen.put("w" + i, i);
      seen.put("all", 1);
    }
  }

  private void assertContents(HeapKeyedStateBackend<String> backend, int keys, boolean unused) {
    ValueState<Long> count = backend.getState(countDescriptor);
    ListState<String> words = backend.getListState(wordsDescriptor);
    MapState<String, Integer> seen = backend.getMapState(seenDescriptor);
    List<String> expectedKeys = IntStream.range(0, keys).mapToObj(i -> "key-" + i).toList();
    assertThat(backend.keys("count")).containsExactlyInAnyOrderElementsOf(expectedKeys);
    for (int i = 0; i < keys; i++) {
      backend.setCurrentKey("key-" + i);
      assertThat(count.value()).isEqualTo(i * 10L);
      assertThat(words.get())
          .containsExactlyElementsOf(i % 2 == 0 ? List.of("w-" + i, "x-" + i) : List.of());
      Map<String, Integer> map = new HashMap<>();
      seen.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
      assertThat(map).isEqualTo(Map.of("w" + i, i, "all", 1));
    }
  }
}
