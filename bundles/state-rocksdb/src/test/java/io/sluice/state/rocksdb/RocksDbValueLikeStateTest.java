package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.StateAccessException;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Value, reducing and aggregating state: one serialized value per key. */
class RocksDbValueLikeStateTest {
  record Point(String label, long x, double y) {}

  record SumCount(long sum, long count) {}

  static final class Average implements AggregateFunction<Long, SumCount, Double> {
    @Override
    public SumCount createAccumulator() {
      return new SumCount(0, 0);
    }

    @Override
    public SumCount add(Long value, SumCount accumulator) {
      return new SumCount(accumulator.sum() + value, accumulator.count() + 1);
    }

    @Override
    public Double getResult(SumCount accumulator) {
      return (double) accumulator.sum() / accumulator.count();
    }

    @Override
    public SumCount merge(SumCount a, SumCount b) {
      return new SumCount(a.sum() + b.sum(), a.count() + b.count());
    }
  }

  @TempDir Path directory;
  private Backends backends;
  private RocksDbKeyedStateBackend<String> backend;

  @BeforeEach
  void openBackend() {
    backends = new Backends(directory);
    backend = backends.allKeyGroups();
  }

  @AfterEach
  void closeBackend() {
    backends.close();
  }

  @Test
  void eachKeyReadsItsOwnValueWhichIsNullUntilTheFirstUpdate() {
    ValueState<Point> state = backend.getState(new ValueStateDescriptor<>("p", Point.class));
    List<String> keys = List.of("a", "b", "ab", "");
    for (String key : keys) {
      backend.setCurrentKey(key);
      assertThat(state.value()).isNull();
      state.update(new Point(key, key.length(), key.length() / 2.0));
    }

    for (String key : keys) {
      backend.setCurrentKey(key);
      assertThat(state.value()).isEqualTo(new Point(key, key.length(), key.length() / 2.0));
    }
  }

  @Test
  void updateWithNullAndClearRemoveOnlyTheCurrentKeysValue() {
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("n", Long.class));
    backend.setCurrentKey("a");
    state.update(1L);
    backend.setCurrentKey("b");
    state.update(2L);
    backend.setCurrentKey("c");
    state.update(3L);

    backend.setCurrentKey("a");
    state.update(null);
    backend.setCurrentKey("b");
    state.clear();

    assertThat(state.value()).isNull();
    assertThat(backend.keys("n")).containsExactly("c");
  }

  @Test
  void aReadReturnsACopySoMutatingItChangesNothingUntilUpdate() {
    ValueState<long[]> state = backend.getState(new ValueStateDescriptor<>("arr", long[].class));
    backend.setCurrentKey("k");
    state.update(new long[] {1, 2});

    state.value()[0] = 99;

    assertThat(state.value()).containsExactly(1, 2);
  }

  @Test
  void reducingFoldsEachKeysValuesStoredFirstAndIsNullUntilTheFirstAdd() {
    ReducingState<String> state =
        backend.getReducingState(
            new ReducingStateDescriptor<>("joined", (a, b) -> a + "," + b, String.class));
    backend.setCurrentKey("x");
    assertThat(state.get()).isNull();
    state.add("1");
    state.add("2");
    backend.setCurrentKey("y");
    state.add("3");
    backend.setCurrentKey("x");
    state.add("4");

    assertThat(state.get()).isEqualTo("1,2,4");
    backend.setCurrentKey("y");
    assertThat(state.get()).isEqualTo("3");
    state.clear();
    assertThat(state.get()).isNull();
    state.add("5");
    assertThat(state.get()).isEqualTo("5");
  }

  @Test
  void aFailingReduceFunctionLeavesTheValueAndANullResultClears() {
    ReducingState<Long> state =
        backend.getReducingState(
            new ReducingStateDescriptor<>(
                "sum",
                (a, b) -> {
                  if (b < 0) {
                    throw new IOException("negative " + b);
                  }
                  return b == 0 ? null : a + b;
                },
                Long.class));
    backend.setCurrentKey("k");
    state.add(5L);

    assertThatThrownBy(() -> state.add(-1L))
        .isInstanceOf(StateAccessException.class)
        .hasMessageContaining("reducing state 'sum'")
        .hasRootCauseInstanceOf(IOException.class);
    assertThat(state.get()).isEqualTo(5L);
    assertThatThrownBy(() -> state.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("reducing state 'sum' cannot add null");
    state.add(0L);
    assertThat(state.get()).isNull();
  }

  @Test
  void aggregatingKeepsARecordAccumulatorPerKeyAndReturnsTheResult() {
    AggregatingState<Long, Double> state =
        backend.getAggregatingState(
            new AggregatingStateDescriptor<>("avg", new Average(), SumCount.class));
    long[][] values = {{1, 2, 3, 4}, {10, 20}};
    for (int k = 0; k < values.length; k++) {
      backend.setCurrentKey("k" + k);
      assertThat(state.get()).isNull();
      for (long value : values[k]) {
        state.add(value);
      }
    }

    backend.setCurrentKey("k0");
    assertThat(state.get()).isEqualTo(2.5);
    backend.setCurrentKey("k1");
    assertThat(state.get()).isEqualTo(15.0);
    state.clear();
    state.add(7L);
    assertThat(state.get()).isEqualTo(7.0);
    assertThatThrownBy(() -> state.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("aggregating state 'avg' cannot add null");
  }
}
