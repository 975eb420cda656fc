package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbMapStateTest {
  @TempDir Path directory;
  private Backends backends;
  private RocksDbKeyedStateBackend<String> backend;
  private MapState<String, Long> map;

  @BeforeEach
  void openBackend() {
    backends = new Backends(directory);
    backend = backends.allKeyGroups();
    map = backend.getMapState(new MapStateDescriptor<>("m", String.class, Long.class));
  }

  @AfterEach
  void closeBackend() {
    backends.close();
  }

  @Test
  void eachKeyHasItsOwnMapEvenWhenKeysArePrefixesOfEachOther() {
    for (String key : List.of("a", "ab", "abc")) {
      backend.setCurrentKey(key);
      assertThat(map.isEmpty()).isTrue();
      assertThat(map.get("x")).isNull();
      map.put("x", (long) key.length());
      map.put(key, 100L);
    }

    for (String key : List.of("a", "ab", "abc")) {
      backend.setCurrentKey(key);
      assertThat(map.entries())
          .containsExactlyInAnyOrder(entry("x", (long) key.length()), entry(key, 100L));
      assertThat(map.contains("x")).isTrue();
      assertThat(map.contains("y")).isFalse();
    }
  }

  @Test
  void putReplacesAndPutAllAddsToTheExistingEntries() {
    backend.setCurrentKey("k");
    map.put("a", 1L);
    map.put("a", 2L);
    map.putAll(Map.of("b", 3L, "c", 4L));

    assertThat(map.keys()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(map.values()).containsExactlyInAnyOrder(2L, 3L, 4L);
    assertThat(map.get("a")).isEqualTo(2L);
  }

  @Test
  void iterationCoversMapsLargerThanOneScanBatch() {
    Map<String, Long> expected = new HashMap<>();
    backend.setCurrentKey("big");
    for (long i = 0; i < StateColumn.SCAN_BATCH * 3 + 5; i++) {
      map.put("e" + i, i * i);
      expected.put("e" + i, i * i);
    }
    backend.setCurrentKey("other");
    map.put("e1", -1L);

    backend.setCurrentKey("big");
    Map<String, Long> read = new HashMap<>();
    for (Map.Entry<String, Long> each : map.entries()) {
      read.put(each.getKey(), each.getValue());
    }

    assertThat(read).isEqualTo(expected);
    map.clear();
    assertThat(map.isEmpty()).isTrue();
    backend.setCurrentKey("other");
    assertThat(map.get("e1")).isEqualTo(-1L);
  }

  @Test
  void removeAndIteratorRemoveDropEntriesAndTheLastOneDropsTheKey() {
    backend.setCurrentKey("k");
    map.putAll(Map.of("a", 1L, "b", 2L, "c", 3L));
    map.remove("absent");
    map.remove("a");

    Iterator<String> keys = map.keys().iterator();
    assertThatThrownBy(keys::remove).isInstanceOf(IllegalStateException.class);
    String first = keys.next();
    keys.hasNext();
    keys.remove();

    assertThat(map.keys()).containsExactly(first.equals("b") ? "c" : "b");
    for (Iterator<Long> values = map.values().iterator(); values.hasNext(); ) {
      values.next();
      values.remove();
    }
    assertThat(map.isEmpty()).isTrue();
    assertThat(backend.numberOfEntries("m")).isZero();
  }

  @Test
  void entrySetValueWritesThroughAndRejectsNull() {
    backend.setCurrentKey("k");
    map.put("a", 1L);

    Map.Entry<String, Long> entry = map.entries().iterator().next();
    assertThat(entry.setValue(5L)).isEqualTo(1L);
    assertThatThrownBy(() -> entry.setValue(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("cannot hold a null value");

    assertThat(map.get("a")).isEqualTo(5L);
  }

  @Test
  void clearRemovesOnlyTheCurrentKeysMap() {
    backend.setCurrentKey("a");
    map.put("x", 1L);
    backend.setCurrentKey("b");
    map.put("x", 2L);

    map.clear();

    assertThat(map.isEmpty()).isTrue();
    backend.setCurrentKey("a");
    assertThat(map.get("x")).isEqualTo(1L);
  }

  @Test
  void nullMapKeysAndValuesAreRejectedAndChangeNothing() {
    backend.setCurrentKey("k");
    Map<String, Long> withNullValue = new HashMap<>();
    withNullValue.put("ok", 1L);
    withNullValue.put("bad", null);

    assertThatThrownBy(() -> map.put(null, 1L)).hasMessageContaining("has no null keys");
    assertThatThrownBy(() -> map.put("a", null)).hasMessageContaining("use remove(key)");
    assertThatThrownBy(() -> map.putAll(withNullValue)).hasMessageContaining("'bad'");
    assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
    assertThat(map.isEmpty()).isTrue();
  }
}
