package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeapAggregatingStateTest {

  /** An average over a mutable {sum, count} accumulator; counts the accumulators it creates. */
  static final class Average implements AggregateFunction<Long, long[], Double> {
    int created;

    @Override
    public long[] createAccumulator() {
      created++;
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] accumulator) {
      accumulator[0] += value;
      accumulator[1]++;
      return accumulator;
    }

    @Override
    public Double getResult(long[] accumulator) {
      return (double) accumulator[0] / accumulator[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }

  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final Average average = new Average();
  private final AggregatingState<Long, Double> avg =
      backend.getAggregatingState(new AggregatingStateDescriptor<>("avg", average, long[].class));

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  @Test
  void getIsNullUntilTheFirstAddAndCreatesNoAccumulator() {
    backend.setCurrentKey("a");

    assertThat(avg.get()).isNull();
    assertThat(average.created).isZero();
  }

  @Test
  void eachKeyAveragesItsOwnValues() {
    Map<String, Long> sums = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    for (long i = 1; i <= 500; i++) {
      String key = "k" + (i % 11);
      long value = i * i % 97;
      backend.setCurrentKey(key);
      avg.add(value);
      sums.merge(key, value, Long::sum);
      counts.merge(key, 1L, Long::sum);
    }

    for (String key : sums.keySet()) {
      backend.setCurrentKey(key);
      assertThat(avg.get()).as(key).isEqualTo((double) sums.get(key) / counts.get(key));
    }
    assertThat(average.created).isEqualTo(11);
  }

  @Test
  void theStoredObjectIsTheAccumulatorNotTheResult() {
    AggregatingState<String, Integer> length =
        backend.getAggregatingState(
            new AggregatingStateDescriptor<>("length", new TotalLength(), StringBuilder.class));
    backend.setCurrentKey("a");

    length.add("abc");
    length.add("de");

    assertThat(length.get()).isEqualTo(5);
    assertThat(backend.numberOfEntries("length")).isEqualTo(1);
  }

  @Test
  void clearDropsTheAccumulatorAndTheNextAddStartsFromANewOne() {
    backend.setCurrentKey("a");
    avg.add(10L);
    avg.add(20L);

    avg.clear();
    avg.add(4L);

    assertThat(avg.get()).isEqualTo(4.0);
    assertThat(average.created).isEqualTo(2);
  }

  @Test
  void addingNullIsRejectedNamingTheState() {
    backend.setCurrentKey("a");

    assertThatThrownBy(() -> avg.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("aggregating state 'avg'");
    assertThat(backend.numberOfEntries("avg")).isZero();
  }

  /** Concatenates into a builder and reports its length, so accumulator and result differ. */
  static final class TotalLength implements AggregateFunction<String, StringBuilder, Integer> {
    @Override
    public StringBuilder createAccumulator() {
      return new StringBuilder();
    }

    @Override
    public StringBuilder add(String value, StringBuilder accumulator) {
      return accumulator.append(value);
    }

    @Override
    public Integer getResult(StringBuilder accumulator) {
      return accumulator.length();
    }

    @Override
    public StringBuilder merge(StringBuilder a, StringBuilder b) {
      return a.append(b);
    }
  }
}
