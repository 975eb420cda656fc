package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbListStateTest {
  @TempDir Path directory;
  private Backends backends;
  private RocksDbKeyedStateBackend<String> backend;
  private ListState<String> list;

  @BeforeEach
  void openBackend() {
    backends = new Backends(directory);
    backend = backends.allKeyGroups();
    list = backend.getListState(new ListStateDescriptor<>("l", String.class));
  }

  @AfterEach
  void closeBackend() {
    backends.close();
  }

  @Test
  void addAppendsInOrderToTheCurrentKeysListOnly() {
    backend.setCurrentKey("a");
    assertThat(list.get()).isEmpty();
    list.add("1");
    backend.setCurrentKey("b");
    list.add("x");
    backend.setCurrentKey("a");
    list.add("2");
    list.addAll(List.of("3", "4"));

    assertThat(list.get()).containsExactly("1", "2", "3", "4");
    backend.setCurrentKey("b");
    assertThat(list.get()).containsExactly("x");
  }

  @Test
  void elementsWhoseBytesLookLikeFramesComeBackExactly() {
    List<String> tricky =
        List.of("", "\u0000\u0000\u0000\u0004abcd", ",", "\u0000", "é€😀", "x".repeat(5000), "");
    backend.setCurrentKey("k");
    for (String element : tricky) {
      list.add(element);
    }

    assertThat(list.get()).containsExactlyElementsOf(tricky);
  }

  @Test
  void updateReplacesTheListAndAnEmptyUpdateOrAddAllStoresNothing() {
    backend.setCurrentKey("k");
    list.addAll(List.of());
    assertThat(backend.numberOfEntries("l")).isZero();
    list.addAll(List.of("a", "b"));

    List<String> replacement = new ArrayList<>(List.of("c"));
    list.update(replacement);
    replacement.add("leak");
    assertThat(list.get()).containsExactly("c");

    list.update(List.of());
    assertThat(list.get()).isEmpty();
    assertThat(backend.numberOfEntries("l")).isZero();
  }

  @Test
  void clearRemovesOnlyTheCurrentKeysList() {
    backend.setCurrentKey("a");
    list.add("1");
    backend.setCurrentKey("b");
    list.add("2");

    list.clear();

    assertThat(list.get()).isEmpty();
    backend.setCurrentKey("a");
    assertThat(list.get()).containsExactly("1");
  }

  @Test
  void nullElementsAreRejectedAndLeaveTheListUnchanged() {
    backend.setCurrentKey("k");
    list.add("kept");

    assertThatThrownBy(() -> list.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("list state 'l' cannot hold null elements");
    assertThatThrownBy(() -> list.addAll(Arrays.asList("a", null)))
        .hasMessageContaining("null at index 1");
    assertThatThrownBy(() -> list.update(Arrays.asList(null, "b")))
        .hasMessageContaining("null at index 0");
    assertThatThrownBy(() -> list.update(null)).hasMessageContaining("null list");
    assertThat(list.get()).containsExactly("kept");
  }

  @Test
  void getIsReadOnly() {
    backend.setCurrentKey("k");
    list.add("a");

    assertThatThrownBy(() -> ((List<String>) list.get()).add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
