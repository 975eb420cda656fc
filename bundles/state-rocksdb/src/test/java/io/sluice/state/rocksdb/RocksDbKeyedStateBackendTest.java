package io.sluice.state.rocksdb;

import static io.sluice.state.rocksdb.Backends.keyGroupOf;
import static io.sluice.state.rocksdb.Backends.keyWhoseGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.spi.state.KeyGroupRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.PerfLevel;
import org.rocksdb.RocksDB;

class RocksDbKeyedStateBackendTest {
  @TempDir Path directory;
  private Backends backends;

  @BeforeEach
  void openBackend() {
    backends = new Backends(directory);
  }

  @AfterEach
  void closeBackend() {
    backends.close();
  }

  @Test
  void setCurrentKeyAssignsTheKeyGroupThePartitionerUses() {
    RocksDbKeyedStateBackend<String> backend = backends.allKeyGroups();
    assertThat(backend.getCurrentKey()).isNull();
    assertThatThrownBy(backend::getCurrentKeyGroup).hasMessageContaining("no current key");
    for (String key : List.of("apple", "banana", "key-1", "")) {
      backend.setCurrentKey(key);

      assertThat(backend.getCurrentKey()).isEqualTo(key);
      assertThat(backend.getCurrentKeyGroup()).isEqualTo(keyGroupOf(key));
    }
    assertThat(backends.subtask(4, 2).getKeyGroupRange()).isEqualTo(new KeyGroupRange(64, 95));
  }

  @Test
  void keyOutsideTheRangeAndNullKeyAreRejectedLikeTheHeapBackendDoes() {
    RocksDbKeyedStateBackend<String> backend = backends.subtask(2, 0);
    String outOfRange = keyWhoseGroup(group -> group >= 64);

    assertThatThrownBy(() -> backend.setCurrentKey(outOfRange))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key group " + keyGroupOf(outOfRange))
        .hasMessageContaining("[0, 63]")
        .hasMessageContaining("operator 'count-per-word' (subtask 0)");
    assertThatThrownBy(() -> backend.setCurrentKey(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null key");
  }

  @Test
  void usingAHandleBeforeAnyKeyIsSetFailsNamingTheState() {
    ValueState<Long> count =
        backends.allKeyGroups().getState(new ValueStateDescriptor<>("count", Long.class));

    assertThatThrownBy(count::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'count'")
        .hasMessageContaining("no current key");
  }

  @Test
  void askingTwiceReturnsTheSameHandleAndAnotherKindTypeOrTtlIsRejected() {
    RocksDbKeyedStateBackend<String> backend = backends.allKeyGroups();
    ValueState<Long> first = backend.getState(new ValueStateDescriptor<>("count", Long.class));

    assertThat(backend.getState(new ValueStateDescriptor<>("count", Long.class))).isSameAs(first);
    assertThatThrownBy(() -> backend.getListState(new ListStateDescriptor<>("count", Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already registered as VALUE<java.lang.Long>")
        .hasMessageContaining("LIST<java.lang.Long>");
    assertThatThrownBy(() -> backend.getState(new ValueStateDescriptor<>("count", String.class)))
        .isInstanceOf(IllegalStateException.class);
    ValueStateDescriptor<Long> withTtl = new ValueStateDescriptor<>("count", Long.class);
    withTtl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(5)).build());
    assertThatThrownBy(() -> backend.getState(withTtl))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without ttl");
  }

  @Test
  void aStateMayBeNamedLikeRocksDbsDefaultColumnFamily() {
    RocksDbKeyedStateBackend<String> backend = backends.allKeyGroups();
    ValueState<String> state =
        backend.getState(new ValueStateDescriptor<>("default", String.class));
    backend.setCurrentKey("k");

    state.update("v");

    assertThat(state.value()).isEqualTo("v");
  }

  @Test
  void keysOfAStateComeKeyGroupByKeyGroupInAscendingOrder() {
    RocksDbKeyedStateBackend<String> backend = backends.allKeyGroups();
    ValueState<Integer> value = backend.getState(new ValueStateDescriptor<>("v", Integer.class));
    MapState<String, Integer> map =
        backend.getMapState(new MapStateDescriptor<>("m", String.class, Integer.class));
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String key = "word-" + (i * 7919 % 1000);
      written.add(key);
      backend.setCurrentKey(key);
      value.update(i);
      map.put("a", i);
      map.put("b", i);
    }

    for (String state : List.of("v", "m")) {
      List<String> keys = backend.keys(state);

      assertThat(keys).containsExactlyInAnyOrderElementsOf(new HashSet<>(written));
      assertThat(keys)
          .extracting(Backends::keyGroupOf)
          .isSortedAccordingTo(Comparator.naturalOrder());
      assertThat(backend.numberOfEntries(state)).isEqualTo(new HashSet<>(written).size());
    }
    assertThatThrownBy(() -> backend.keys("unknown"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no state named 'unknown'");
  }

  @Test
  void keyedBackendsOfDifferentSubtasksShareNoStateAndHaveTheirOwnFolders() {
    RocksDbKeyedStateBackend<String> left = backends.subtask(2, 0);
    RocksDbKeyedStateBackend<String> right = backends.subtask(2, 1);
    String leftKey = keyWhoseGroup(group -> group < 64);
    String rightKey = keyWhoseGroup(group -> group >= 64);
    ValueState<String> leftState = left.getState(new ValueStateDescriptor<>("s", String.class));
    ValueState<String> rightState = right.getState(new ValueStateDescriptor<>("s", String.class));
    left.setCurrentKey(leftKey);
    leftState.update("left");
    right.setCurrentKey(rightKey);
    rightState.update("right");

    assertThat(left.keys("s")).containsExactly(leftKey);
    assertThat(right.keys("s")).containsExactly(rightKey);
    assertThat(left.directory()).isNotEqualTo(right.directory());
    assertThat(left.directory()).startsWith(directory);
  }

  @Test
  void closeDeletesTheDatabaseFolderAndEveryLaterUseFailsClearly() {
    RocksDbKeyedStateBackend<String> backend = backends.allKeyGroups();
    ValueState<String> state = backend.getState(new ValueStateDescriptor<>("s", String.class));
    backend.setCurrentKey("k");
    state.update("v");
    Path folder = backend.directory();
    assertThat(folder).isDirectory();

    backend.close();
    backend.close();

    assertThat(folder).doesNotExist();
    assertThat(folder.getParent()).doesNotExist();
    assertThatThrownBy(state::value).hasMessageContaining("is closed");
    assertThatThrownBy(() -> backend.setCurrentKey("k")).hasMessageContaining("is closed");
    assertThatThrownBy(() -> backend.getState(new ValueStateDescriptor<>("t", String.class)))
        .hasMessageContaining("is closed");
  }

  @Test
  void openingAndClosingManyBackendsLeavesNoFilesBehind() throws Exception {
    Set<Path> folders = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      RocksDbKeyedStateBackend<String> backend = backends.subtask(4, i % 4);
      MapState<String, Long> map =
          backend.getMapState(new MapStateDescriptor<>("m" + i, String.class, Long.class));
      backend.setCurrentKey(keyWhoseGroup(backend.getKeyGroupRange()::contains));
      map.put("x", (long) i);
      folders.add(backend.directory());
      backend.close();
    }

    assertThat(folders).hasSize(20);
    try (var left = Files.list(directory)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void everyThreadThatSetsKeysCountsNoRocksDbPerfCountersAndOtherThreadsKeepTheirLevel()
      throws Exception {
    RocksDbKeyedStateBackend<String> backend = backends.allKeyGroups();
    Path probeFolder = Files.createDirectory(directory.resolve("probe"));
    try (RocksDB probe = RocksDB.open(probeFolder.toString())) {
      assertThat(perfLevelsAround(probe, () -> backend.setCurrentKey("apple")))
          .containsExactly(PerfLevel.ENABLE_COUNT, PerfLevel.DISABLE);
      assertThat(perfLevelsAround(probe, () -> {}))
          .containsExactly(PerfLevel.ENABLE_COUNT, PerfLevel.ENABLE_COUNT);
      assertThat(perfLevelsAround(probe, () -> backend.setCurrentKey("banana")))
          .containsExactly(PerfLevel.ENABLE_COUNT, PerfLevel.DISABLE);
    }
  }

  /** The perf level of a new thread before and after it runs {@code action}. */
  private static PerfLevel[] perfLevelsAround(RocksDB probe, Runnable action)
      throws InterruptedException {
    PerfLevel[] levels = new PerfLevel[2];
    Thread thread =
        new Thread(
            () -> {
              levels[0] = probe.getPerfLevel();
              action.run();
              levels[1] = probe.getPerfLevel();
            });
    thread.start();
    thread.join();
    return levels;
  }
}
