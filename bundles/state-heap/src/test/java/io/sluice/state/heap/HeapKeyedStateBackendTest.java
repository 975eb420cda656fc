package io.sluice.state.heap;

import static io.sluice.state.heap.TestBackends.keyGroupOf;
import static io.sluice.state.heap.TestBackends.keyWhoseGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeutils.TypeHint;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateBackendParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {

  @Test
  void beforeTheFirstKeyTheCurrentKeyIsNullAndHasNoKeyGroup() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      assertThat(backend.getCurrentKey()).isNull();
      assertThatThrownBy(backend::getCurrentKeyGroup)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no current key");
    }
  }

  @Test
  void setCurrentKeyAssignsTheKeyGroupThePartitionerUses() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      for (String key : List.of("apple", "banana", "cherry", "key-1", "")) {
        backend.setCurrentKey(key);

        assertThat(backend.getCurrentKey()).isEqualTo(key);
        assertThat(backend.getCurrentKeyGroup()).isEqualTo(keyGroupOf(key));
      }
    }
  }

  @Test
  void keyRangeIsTheOneFromTheParameters() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.subtask(4, 2)) {
      assertThat(backend.getKeyGroupRange()).isEqualTo(new KeyGroupRange(64, 95));
    }
  }

  @Test
  void keyOutsideTheRangeIsRejectedNamingKeyGroupRangeOperatorAndSubtask() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.subtask(2, 0)) {
      String inRange = keyWhoseGroup(group -> group < 64);
      String outOfRange = keyWhoseGroup(group -> group >= 64);
      backend.setCurrentKey(inRange);

      assertThatThrownBy(() -> backend.setCurrentKey(outOfRange))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + outOfRange + "'")
          .hasMessageContaining("key group " + keyGroupOf(outOfRange))
          .hasMessageContaining("[0, 63]")
          .hasMessageContaining("operator '" + TestBackends.OPERATOR + "'")
          .hasMessageContaining("subtask 0")
          .hasMessageContaining("job '" + TestBackends.JOB + "'");
      assertThat(backend.getCurrentKey()).isEqualTo(inRange);
      assertThat(backend.getCurrentKeyGroup()).isEqualTo(keyGroupOf(inRange));
    }
  }

  @Test
  void nullKeyIsRejected() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      assertThatThrownBy(() -> backend.setCurrentKey(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("null key")
          .hasMessageContaining(TestBackends.OPERATOR);
    }
  }

  @Test
  void usingAHandleBeforeAnyKeyIsSetFailsNamingTheState() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      ValueState<Long> count = backend.getState(new ValueStateDescriptor<>("count", Long.class));
      ListState<Long> list = backend.getListState(new ListStateDescriptor<>("list", Long.class));
      MapState<String, Long> map =
          backend.getMapState(new MapStateDescriptor<>("map", String.class, Long.class));

      assertThatThrownBy(count::value)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("state 'count'")
          .hasMessageContaining("no current key");
      assertThatThrownBy(() -> list.add(1L)).hasMessageContaining("state 'list'");
      assertThatThrownBy(map::isEmpty).hasMessageContaining("state 'map'");
    }
  }

  @Test
  void askingTwiceForAStateNameReturnsTheSameHandle() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      ValueState<Long> value = backend.getState(new ValueStateDescriptor<>("v", Long.class));
      ListState<Long> list = backend.getListState(new ListStateDescriptor<>("l", Long.class));
      MapState<String, Long> map =
          backend.getMapState(new MapStateDescriptor<>("m", String.class, Long.class));

      assertThat(backend.getState(new ValueStateDescriptor<>("v", Long.class))).isSameAs(value);
      assertThat(backend.getListState(new ListStateDescriptor<>("l", Long.class))).isSameAs(list);
      assertThat(backend.getMapState(new MapStateDescriptor<>("m", String.class, Long.class)))
          .isSameAs(map);
    }
  }

  @Test
  void genericTypesFromTypeHintsMatchWhenAskedAgain() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      ValueState<List<String>> first =
          backend.getState(new ValueStateDescriptor<>("words", new TypeHint<List<String>>() {}));

      ValueState<List<String>> second =
          backend.getState(new ValueStateDescriptor<>("words", new TypeHint<List<String>>() {}));

      assertThat(second).isSameAs(first);
    }
  }

  @Test
  void sameNameWithADifferentKindIsRejected() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      backend.getState(new ValueStateDescriptor<>("seen", Long.class));

      assertThatThrownBy(() -> backend.getListState(new ListStateDescriptor<>("seen", Long.class)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("state 'seen'")
          .hasMessageContaining("already registered as VALUE<java.lang.Long>")
          .hasMessageContaining("LIST<java.lang.Long>")
          .hasMessageContaining(TestBackends.OPERATOR);
      assertThatThrownBy(
              () -> backend.getMapState(new MapStateDescriptor<>("seen", String.class, Long.class)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("MAP<java.lang.String, java.lang.Long>");
    }
  }

  @Test
  void sameNameWithADifferentValueOrMapKeyTypeIsRejected() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      backend.getState(new ValueStateDescriptor<>("count", Long.class));
      backend.getMapState(new MapStateDescriptor<>("index", String.class, Long.class));
      backend.getListState(new ListStateDescriptor<>("words", new TypeHint<List<String>>() {}));

      assertThatThrownBy(() -> backend.getState(new ValueStateDescriptor<>("count", String.class)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("VALUE<java.lang.String>");
      assertThatThrownBy(
              () -> backend.getMapState(new MapStateDescriptor<>("index", Long.class, Long.class)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("MAP<java.lang.Long, java.lang.Long>");
      assertThatThrownBy(
              () ->
                  backend.getListState(
                      new ListStateDescriptor<>("words", new TypeHint<List<Long>>() {})))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("java.util.List<java.lang.Long>");
    }
  }

  @Test
  void statesWithDifferentNamesAreIndependent() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      ValueState<Long> sum = backend.getState(new ValueStateDescriptor<>("sum", Long.class));
      ValueState<Long> max = backend.getState(new ValueStateDescriptor<>("max", Long.class));
      backend.setCurrentKey("a");

      sum.update(10L);
      max.update(7L);
      max.clear();

      assertThat(sum.value()).isEqualTo(10L);
      assertThat(max.value()).isNull();
      assertThat(backend.numberOfEntries("sum")).isEqualTo(1);
      assertThat(backend.numberOfEntries("max")).isZero();
    }
  }

  @Test
  void keysOfAStateComeKeyGroupByKeyGroupInAscendingOrder() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      ValueState<Long> count = backend.getState(new ValueStateDescriptor<>("count", Long.class));
      List<String> written = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String key = "user-" + i;
        backend.setCurrentKey(key);
        count.update((long) i);
        written.add(key);
      }

      List<String> keys = new ArrayList<>();
      backend.keys("count").forEach(keys::add);

      assertThat(keys).containsExactlyInAnyOrderElementsOf(written);
      assertThat(keys).map(TestBackends::keyGroupOf).isSorted();
      assertThat(backend.numberOfEntries("count")).isEqualTo(500);
    }
  }

  @Test
  void numberOfEntriesAndKeysRejectAnUnknownStateName() {
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      backend.getState(new ValueStateDescriptor<>("count", Long.class));

      assertThatThrownBy(() -> backend.numberOfEntries("cnt"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no state named 'cnt'")
          .hasMessageContaining("[count]");
      assertThatThrownBy(() -> backend.keys("cnt")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void closeDropsAllStateAndEveryLaterUseFailsClearly() {
    HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
    ValueState<Long> count = backend.getState(new ValueStateDescriptor<>("count", Long.class));
    MapState<String, Long> map =
        backend.getMapState(new MapStateDescriptor<>("map", String.class, Long.class));
    backend.setCurrentKey("a");
    count.update(1L);
    map.put("x", 1L);

    backend.close();
    backend.close();

    assertThat(backend.getCurrentKey()).isNull();
    assertThatThrownBy(count::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed")
        .hasMessageContaining(TestBackends.OPERATOR);
    assertThatThrownBy(() -> map.get("x")).hasMessageContaining("closed");
    assertThatThrownBy(() -> backend.setCurrentKey("a")).hasMessageContaining("closed");
    assertThatThrownBy(() -> backend.getState(new ValueStateDescriptor<>("count", Long.class)))
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> backend.numberOfEntries("count")).hasMessageContaining("closed");
  }

  @Test
  void rangeBeyondTheMaxParallelismIsRejected() {
    KeyedStateBackendParameters<String> parameters =
        new KeyedStateBackendParameters<>(
            "job", "op", 1, new StringSerializer(), new KeyGroupRange(8, 16), 16);

    assertThatThrownBy(() -> new HeapKeyedStateBackend<>(parameters))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[8, 16]")
        .hasMessageContaining("max parallelism 16");
  }

  @Test
  void descriptorsNeedNoSerializer() {
    // The descriptors carry only Class/TypeHint types; deriving a serializer would throw until
    // the serializers work lands, and the heap backend must not need one at all.
    try (HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups()) {
      MapState<String, List<Long>> map =
          backend.getMapState(
              new MapStateDescriptor<>(
                  "history", new TypeHint<String>() {}, new TypeHint<List<Long>>() {}));
      backend.setCurrentKey("a");

      map.put("x", List.of(1L, 2L));

      assertThat(map.entries()).containsExactly(Map.entry("x", List.of(1L, 2L)));
    }
  }
}
