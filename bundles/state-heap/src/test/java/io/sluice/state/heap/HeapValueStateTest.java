package io.sluice.state.heap;

import static io.sluice.state.heap.TestBackends.anotherKeyInGroup;
import static io.sluice.state.heap.TestBackends.keyGroupOf;
import static io.sluice.state.heap.TestBackends.keyWhoseGroup;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeutils.TypeHint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeapValueStateTest {
  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final ValueState<Long> count =
      backend.getState(new ValueStateDescriptor<>("count", Long.class));

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  @Test
  void valueIsNullUntilFirstUpdate() {
    backend.setCurrentKey("a");

    assertThat(count.value()).isNull();
  }

  @Test
  void eachKeyReadsItsOwnValueAcrossAndWithinKeyGroups() {
    String first = "key-0";
    String secondInSameGroup = anotherKeyInGroup(keyGroupOf(first));
    String otherGroup = keyWhoseGroup(group -> group != keyGroupOf(first));

    backend.setCurrentKey(first);
    count.update(1L);
    backend.setCurrentKey(secondInSameGroup);
    count.update(2L);
    backend.setCurrentKey(otherGroup);
    count.update(3L);

    backend.setCurrentKey(first);
    assertThat(count.value()).isEqualTo(1L);
    backend.setCurrentKey(secondInSameGroup);
    assertThat(count.value()).isEqualTo(2L);
    backend.setCurrentKey(otherGroup);
    assertThat(count.value()).isEqualTo(3L);
    assertThat(backend.numberOfEntries("count")).isEqualTo(3);
  }

  @Test
  void updateWithNullClearsTheKeysEntry() {
    backend.setCurrentKey("a");
    count.update(5L);
    backend.setCurrentKey("b");
    count.update(6L);

    backend.setCurrentKey("a");
    count.update(null);

    assertThat(count.value()).isNull();
    assertThat(backend.keys("count")).containsExactly("b");
  }

  @Test
  void clearRemovesOnlyTheCurrentKeysValue() {
    backend.setCurrentKey("a");
    count.update(5L);
    backend.setCurrentKey("b");
    count.update(6L);

    count.clear();

    assertThat(count.value()).isNull();
    backend.setCurrentKey("a");
    assertThat(count.value()).isEqualTo(5L);
    assertThat(backend.numberOfEntries("count")).isEqualTo(1);
  }

  @Test
  void stateHoldsTheObjectGivenNotACopy() {
    ValueState<List<String>> seen =
        backend.getState(new ValueStateDescriptor<>("seen", new TypeHint<List<String>>() {}));
    List<String> words = new ArrayList<>(List.of("x"));
    backend.setCurrentKey("a");

    seen.update(words);

    assertThat(seen.value()).isSameAs(words);
  }
}
