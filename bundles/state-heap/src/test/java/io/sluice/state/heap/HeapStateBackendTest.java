package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.StateBackend;
import org.junit.jupiter.api.Test;

class HeapStateBackendTest {
  private final StateBackend stateBackend = new HeapStateBackend();

  @Test
  void isSelectedByTheNameHeap() {
    assertThat(stateBackend.name()).isEqualTo("heap");
  }

  @Test
  void createsAKeyedBackendCoveringTheGivenKeyGroups() {
    try (KeyedStateBackend<String> keyed =
        stateBackend.createKeyedStateBackend(TestBackends.parameters(2, 1))) {
      assertThat(keyed).isInstanceOf(HeapKeyedStateBackend.class);
      assertThat(keyed.getKeyGroupRange()).isEqualTo(new KeyGroupRange(64, 127));
    }
  }

  @Test
  void keyedBackendsOfDifferentSubtasksShareNoState() {
    try (KeyedStateBackend<String> first =
            stateBackend.createKeyedStateBackend(TestBackends.parameters(1, 0));
        KeyedStateBackend<String> second =
            stateBackend.createKeyedStateBackend(TestBackends.parameters(1, 0))) {
      ValueState<Long> firstCount = first.getState(new ValueStateDescriptor<>("c", Long.class));
      ValueState<Long> secondCount = second.getState(new ValueStateDescriptor<>("c", Long.class));
      first.setCurrentKey("a");
      second.setCurrentKey("a");

      firstCount.update(1L);

      assertThat(secondCount.value()).isNull();
    }
  }
}
