package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeapListStateTest {
  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final ListState<String> events =
      backend.getListState(new ListStateDescriptor<>("events", String.class));

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  @Test
  void getIsAnEmptyIterableNotNullForAKeyWithoutElements() {
    backend.setCurrentKey("a");

    assertThat(events.get()).isNotNull().isEmpty();
  }

  @Test
  void addAppendsInOrderToTheCurrentKeysListOnly() {
    backend.setCurrentKey("a");
    events.add("a1");
    backend.setCurrentKey("b");
    events.add("b1");
    backend.setCurrentKey("a");
    events.add("a2");

    assertThat(events.get()).containsExactly("a1", "a2");
    backend.setCurrentKey("b");
    assertThat(events.get()).containsExactly("b1");
  }

  @Test
  void addAllAppendsAfterTheExistingElements() {
    backend.setCurrentKey("a");
    events.add("first");

    events.addAll(List.of("second", "third"));

    assertThat(events.get()).containsExactly("first", "second", "third");
  }

  @Test
  void addAllOfAnEmptyListStoresNoEntry() {
    backend.setCurrentKey("a");

    events.addAll(List.of());

    assertThat(events.get()).isEmpty();
    assertThat(backend.numberOfEntries("events")).isZero();
  }

  @Test
  void updateReplacesTheWholeList() {
    backend.setCurrentKey("a");
    events.addAll(List.of("old1", "old2"));

    events.update(List.of("new"));

    assertThat(events.get()).containsExactly("new");
  }

  @Test
  void updateWithAnEmptyListClearsTheKeysEntry() {
    backend.setCurrentKey("a");
    events.add("x");

    events.update(List.of());

    assertThat(events.get()).isEmpty();
    assertThat(backend.numberOfEntries("events")).isZero();
  }

  @Test
  void updateKeepsACopySoLaterChangesToTheGivenListDoNotLeakIn() {
    List<String> given = new ArrayList<>(List.of("x"));
    backend.setCurrentKey("a");
    events.update(given);

    given.add("y");

    assertThat(events.get()).containsExactly("x");
  }

  @Test
  void clearRemovesOnlyTheCurrentKeysList() {
    backend.setCurrentKey("a");
    events.add("a1");
    backend.setCurrentKey("b");
    events.add("b1");

    events.clear();

    assertThat(events.get()).isEmpty();
    assertThat(backend.keys("events")).containsExactly("a");
  }

  @Test
  void nullElementsAreRejectedAndLeaveTheListUnchanged() {
    backend.setCurrentKey("a");
    events.add("kept");
    List<String> withNull = Arrays.asList("x", null);

    assertThatThrownBy(() -> events.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'events'")
        .hasMessageContaining("null elements");
    assertThatThrownBy(() -> events.addAll(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("index 1");
    assertThatThrownBy(() -> events.update(withNull)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> events.update(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null list");

    assertThat(events.get()).containsExactly("kept");
  }

  @Test
  void getIsAReadOnlyView() {
    backend.setCurrentKey("a");
    events.add("x");
    Iterator<String> iterator = events.get().iterator();
    iterator.next();

    assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class);
  }
}
