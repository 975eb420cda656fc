package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeapMapStateTest {
  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final MapState<String, Long> counts =
      backend.getMapState(new MapStateDescriptor<>("counts", String.class, Long.class));

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  @Test
  void aKeyWithoutEntriesIsEmptyAndReadsNull() {
    backend.setCurrentKey("a");

    assertThat(counts.isEmpty()).isTrue();
    assertThat(counts.get("x")).isNull();
    assertThat(counts.contains("x")).isFalse();
    assertThat(counts.entries()).isEmpty();
    assertThat(counts.keys()).isEmpty();
    assertThat(counts.values()).isEmpty();
  }

  @Test
  void eachKeyHasItsOwnMap() {
    backend.setCurrentKey("a");
    counts.put("x", 1L);
    backend.setCurrentKey("b");
    counts.put("x", 2L);
    counts.put("y", 3L);

    backend.setCurrentKey("a");
    assertThat(counts.get("x")).isEqualTo(1L);
    assertThat(counts.contains("y")).isFalse();
    backend.setCurrentKey("b");
    assertThat(counts.get("x")).isEqualTo(2L);
    assertThat(counts.get("y")).isEqualTo(3L);
  }

  @Test
  void putReplacesTheValueOfAMapKey() {
    backend.setCurrentKey("a");
    counts.put("x", 1L);

    counts.put("x", 9L);

    assertThat(counts.entries()).containsExactly(entry("x", 9L));
  }

  @Test
  void putAllAddsToTheExistingEntries() {
    backend.setCurrentKey("a");
    counts.put("x", 1L);

    counts.putAll(Map.of("y", 2L, "z", 3L));

    assertThat(counts.entries())
        .containsExactlyInAnyOrder(entry("x", 1L), entry("y", 2L), entry("z", 3L));
  }

  @Test
  void entriesKeysAndValuesIterateTheCurrentKeysMap() {
    backend.setCurrentKey("other");
    counts.put("ignored", 100L);
    backend.setCurrentKey("a");
    counts.putAll(Map.of("x", 1L, "y", 2L, "z", 3L));

    assertThat(counts.entries())
        .containsExactlyInAnyOrder(entry("x", 1L), entry("y", 2L), entry("z", 3L));
    assertThat(counts.keys()).containsExactlyInAnyOrder("x", "y", "z");
    assertThat(counts.values()).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(counts.isEmpty()).isFalse();
  }

  @Test
  void removingTheLastMapKeyDropsTheKeysEntry() {
    backend.setCurrentKey("a");
    counts.put("x", 1L);
    counts.put("y", 2L);

    counts.remove("x");
    assertThat(backend.numberOfEntries("counts")).isEqualTo(1);
    counts.remove("y");

    assertThat(counts.isEmpty()).isTrue();
    assertThat(backend.numberOfEntries("counts")).isZero();
  }

  @Test
  void removingAnAbsentMapKeyChangesNothing() {
    backend.setCurrentKey("a");
    counts.remove("never-put");
    counts.put("x", 1L);

    counts.remove("never-put");

    assertThat(counts.entries()).containsExactly(entry("x", 1L));
  }

  @Test
  void iteratorRemoveOfTheLastEntryDropsTheKeysEntry() {
    backend.setCurrentKey("a");
    counts.putAll(Map.of("x", 1L, "y", 2L));

    Iterator<String> keys = counts.keys().iterator();
    while (keys.hasNext()) {
      keys.next();
      keys.remove();
    }

    assertThat(counts.isEmpty()).isTrue();
    assertThat(backend.numberOfEntries("counts")).isZero();
  }

  @Test
  void iteratorRemoveOfSomeEntriesKeepsTheRest() {
    backend.setCurrentKey("a");
    counts.putAll(Map.of("x", 1L, "y", 2L, "z", 3L));

    Iterator<Map.Entry<String, Long>> entries = counts.entries().iterator();
    while (entries.hasNext()) {
      if (entries.next().getValue() % 2 == 1) {
        entries.remove();
      }
    }

    assertThat(counts.entries()).containsExactly(entry("y", 2L));
    assertThat(backend.numberOfEntries("counts")).isEqualTo(1);
  }

  @Test
  void entrySetValueWritesThroughAndRejectsNull() {
    backend.setCurrentKey("a");
    counts.put("x", 1L);
    Map.Entry<String, Long> entry = counts.entries().iterator().next();

    Long previous = entry.setValue(5L);

    assertThat(previous).isEqualTo(1L);
    assertThat(counts.get("x")).isEqualTo(5L);
    assertThatThrownBy(() -> entry.setValue(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'counts'");
    assertThat(counts.get("x")).isEqualTo(5L);
  }

  @Test
  void clearRemovesOnlyTheCurrentKeysMap() {
    backend.setCurrentKey("a");
    counts.put("x", 1L);
    backend.setCurrentKey("b");
    counts.put("x", 2L);

    counts.clear();

    assertThat(counts.isEmpty()).isTrue();
    assertThat(backend.keys("counts")).containsExactly("a");
  }

  @Test
  void nullMapKeysAndValuesAreRejectedAndChangeNothing() {
    backend.setCurrentKey("a");
    counts.put("kept", 1L);
    Map<String, Long> withNullValue = new HashMap<>();
    withNullValue.put("y", 2L);
    withNullValue.put("z", null);

    assertThatThrownBy(() -> counts.put(null, 1L))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null keys");
    assertThatThrownBy(() -> counts.put("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("remove(key)");
    assertThatThrownBy(() -> counts.putAll(withNullValue))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'z'");
    assertThatThrownBy(() -> counts.get(null)).isInstanceOf(NullPointerException.class);

    assertThat(counts.entries()).containsExactly(entry("kept", 1L));
  }
}
