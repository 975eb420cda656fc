package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyGroupMapTest {

  /** A key whose hash code the test chooses, so that keys collide on purpose. */
  private record Key(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.id == id;
    }
  }

  @Test
  void behavesLikeAHashMapUnderRandomPutsAndRemovesWithManyCollisions() {
    Random random = new Random(42);
    KeyGroupMap<Key, Integer> map = new KeyGroupMap<>();
    Map<Key, Integer> model = new HashMap<>();
    for (int step = 0; step < 50_000; step++) {
      int id = random.nextInt(300);
      // Only 40 distinct hash codes for 300 keys: long probe runs, and removals inside them.
      Key key = new Key(id, (id % 40) * 1024);
      if (random.nextInt(3) == 0) {
        map.remove(key, key.hashCode());
        model.remove(key);
      } else {
        int slot = map.put(key, key.hashCode(), step);
        model.put(key, step);
        assertThat(map.valueAt(slot)).isEqualTo(step);
      }
      if (step % 997 == 0) {
        assertSameContents(map, model);
      }
    }
    assertSameContents(map, model);
  }

  @Test
  void aFoundSlotStaysValidUntilAKeyIsAddedOrRemoved() {
    KeyGroupMap<String, String> map = new KeyGroupMap<>();
    map.put("a", "a".hashCode(), "1");
    int version = map.structureVersion();
    int slot = map.find("a", "a".hashCode());

    map.put("a", "a".hashCode(), "2");
    assertThat(map.structureVersion()).isEqualTo(version);
    map.setValueAt(slot, "3");
    assertThat(map.valueAt(map.find("a", "a".hashCode()))).isEqualTo("3");

    map.put("b", "b".hashCode(), "1");
    assertThat(map.structureVersion()).isNotEqualTo(version);
    version = map.structureVersion();
    map.remove("b", "b".hashCode());
    assertThat(map.structureVersion()).isNotEqualTo(version);
  }

  @Test
  void aCopyIsIndependentOfLaterWrites() {
    KeyGroupMap<String, String> map = new KeyGroupMap<>();
    map.put("a", "a".hashCode(), "1");
    map.put("b", "b".hashCode(), "2");
    KeyGroupMap<String, String> copy = map.copy();

    map.put("a", "a".hashCode(), "changed");
    map.remove("b", "b".hashCode());
    map.put("c", "c".hashCode(), "3");

    assertThat(contents(copy)).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(contents(map)).isEqualTo(Map.of("a", "changed", "c", "3"));
  }

  @Test
  void theKeyIteratorVisitsEveryKeyOnce() {
    KeyGroupMap<Integer, Integer> map = new KeyGroupMap<>();
    for (int i = 0; i < 100; i++) {
      map.put(i, Integer.hashCode(i), i * i);
    }
    List<Integer> keys = new ArrayList<>();
    Iterator<Integer> iterator = map.keyIterator();
    iterator.forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrderElementsOf(contents(map).keySet()).hasSize(100);
    assertThat(iterator.hasNext()).isFalse();
  }

  private static <K, V> void assertSameContents(KeyGroupMap<K, V> map, Map<K, V> model) {
    assertThat(map.size()).isEqualTo(model.size());
    assertThat(contents(map)).isEqualTo(model);
    model.forEach(
        (key, value) -> assertThat(map.valueAt(map.find(key, key.hashCode()))).isEqualTo(value));
  }

  private static <K, V> Map<K, V> contents(KeyGroupMap<K, V> map) {
    Map<K, V> contents = new HashMap<>();
    for (int slot = map.firstSlot(); slot >= 0; slot = map.nextSlot(slot)) {
      assertThat(contents.put(map.keyAt(slot), map.valueAt(slot))).isNull();
    }
    return contents;
  }
}
