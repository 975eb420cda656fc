package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.StateAccessException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeapReducingStateTest {
  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final ReducingState<Long> sum =
      backend.getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  @Test
  void getIsNullUntilTheFirstAdd() {
    backend.setCurrentKey("a");

    assertThat(sum.get()).isNull();
  }

  @Test
  void eachKeyFoldsItsOwnValuesWithTheReduceFunction() {
    Map<String, Long> expected = new HashMap<>();
    for (long i = 1; i <= 300; i++) {
      String key = "k" + (i % 7);
      backend.setCurrentKey(key);
      sum.add(i);
      expected.merge(key, i, (a, b) -> a + b);
    }

    for (Map.Entry<String, Long> entry : expected.entrySet()) {
      backend.setCurrentKey(entry.getKey());
      assertThat(sum.get()).as(entry.getKey()).isEqualTo(entry.getValue());
    }
    assertThat(backend.numberOfEntries("sum")).isEqualTo(7);
  }

  @Test
  void theFirstValueIsStoredAsItIsAndLaterOnesAreReducedStoredFirst() {
    List<String> calls = new ArrayList<>();
    ReduceFunction<String> concat =
        (stored, added) -> {
          calls.add(stored + "+" + added);
          return stored + added;
        };
    ReducingState<String> text =
        backend.getReducingState(new ReducingStateDescriptor<>("text", concat, String.class));
    backend.setCurrentKey("a");

    text.add("x");
    text.add("y");
    text.add("z");

    assertThat(text.get()).isEqualTo("xyz");
    assertThat(calls).containsExactly("x+y", "xy+z");
  }

  @Test
  void clearDropsOnlyTheCurrentKeysValueAndTheNextAddStartsOver() {
    backend.setCurrentKey("a");
    sum.add(5L);
    backend.setCurrentKey("b");
    sum.add(6L);

    sum.clear();
    sum.add(1L);

    assertThat(sum.get()).isEqualTo(1L);
    backend.setCurrentKey("a");
    assertThat(sum.get()).isEqualTo(5L);
  }

  @Test
  void addingNullIsRejectedNamingTheState() {
    backend.setCurrentKey("a");
    sum.add(2L);

    assertThatThrownBy(() -> sum.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("reducing state 'sum'");
    assertThat(sum.get()).isEqualTo(2L);
  }

  @Test
  void aCheckedExceptionOfTheReduceFunctionIsWrappedAndLeavesTheValueUnchanged() {
    ReducingState<Long> failing =
        backend.getReducingState(
            new ReducingStateDescriptor<Long>(
                "failing",
                (a, b) -> {
                  throw new IOException("disk gone");
                },
                Long.class));
    backend.setCurrentKey("a");
    failing.add(3L);

    assertThatThrownBy(() -> failing.add(4L))
        .isInstanceOf(StateAccessException.class)
        .hasMessageContaining("reducing state 'failing'")
        .hasMessageContaining("disk gone")
        .hasCauseInstanceOf(IOException.class);
    assertThat(failing.get()).isEqualTo(3L);
  }

  @Test
  void anUncheckedExceptionOfTheReduceFunctionArrivesAsItIs() {
    IllegalStateException boom = new IllegalStateException("boom");
    ReducingState<Long> failing =
        backend.getReducingState(
            new ReducingStateDescriptor<Long>(
                "failing",
                (a, b) -> {
                  throw boom;
                },
                Long.class));
    backend.setCurrentKey("a");
    failing.add(3L);

    assertThatThrownBy(() -> failing.add(4L)).isSameAs(boom);
  }

  @Test
  void aReduceFunctionReturningNullClearsTheKey() {
    ReducingState<Long> vanishing =
        backend.getReducingState(
            new ReducingStateDescriptor<Long>("vanishing", (a, b) -> null, Long.class));
    backend.setCurrentKey("a");
    vanishing.add(1L);

    vanishing.add(2L);

    assertThat(vanishing.get()).isNull();
    assertThat(backend.numberOfEntries("vanishing")).isZero();
  }
}
