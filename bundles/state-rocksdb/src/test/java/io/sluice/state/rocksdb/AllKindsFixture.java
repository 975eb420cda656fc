package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.TtlTimeProvider;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.spi.state.KeyedStateBackend;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind of keyed state, with and without time-to-live, filled with values computed from the
 * key number and checked against the same formulas after a restore, on any backend. The TTL clock
 * is the fixture's: values are stamped at 1000 (and some at 1050) with a TTL of 100 ms.
 */
final class AllKindsFixture {
  static final long TTL = 100;

  /** Sum and count of the added values as a long[2] accumulator. */
  static final class Average implements AggregateFunction<Long, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] accumulator) {
      return new long[] {accumulator[0] + value, accumulator[1] + 1};
    }

    @Override
    public Double getResult(long[] accumulator) {
      return (double) accumulator[0] / accumulator[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  /** A clock set by the fixture. */
  static final class Clock implements TtlTimeProvider {
    long now = 1000;

    @Override
    public long currentTimestamp() {
      return now;
    }
  }

  final Clock clock = new Clock();
  final ValueStateDescriptor<Long> count = new ValueStateDescriptor<>("count", Long.class);
  final ListStateDescriptor<String> words = new ListStateDescriptor<>("words", String.class);
  final MapStateDescriptor<String, Integer> seen =
      new MapStateDescriptor<>("seen", String.class, Integer.class);
  final ReducingStateDescriptor<Long> sum =
      new ReducingStateDescriptor<>("sum", Long::sum, Long.class);
  final AggregatingStateDescriptor<Long, long[], Double> avg =
      new AggregatingStateDescriptor<>("avg", new Average(), long[].class);
  final ValueStateDescriptor<Long> ttlCount = new ValueStateDescriptor<>("ttl-count", Long.class);
  final ListStateDescriptor<String> ttlWords = new ListStateDescriptor<>("ttl-words", String.class);
  final MapStateDescriptor<String, Integer> ttlSeen =
      new MapStateDescriptor<>("ttl-seen", String.class, Integer.class);

  AllKindsFixture() {
    StateTtlConfig ttl =
        StateTtlConfig.newBuilder(Duration.ofMillis(TTL))
            .updateTtlOnCreateAndWrite()
            .setTimeProvider(clock)
            .build();
    ttlCount.enableTimeToLive(ttl);
    ttlWords.enableTimeToLive(ttl);
    ttlSeen.enableTimeToLive(ttl);
  }

  /** Whether key number {@code i} belongs to {@code backend}'s key groups. */
  static boolean owns(KeyedStateBackend<String> backend, int i) {
    return backend.getKeyGroupRange().contains(Backends.keyGroupOf(key(i)));
  }

  static String key(int i) {
    return "key-" + i;
  }

  /** Writes keys 0..n-1 that lie in the backend's key groups; leaves the clock at 1050. */
  void fill(KeyedStateBackend<String> backend, int n) {
    clock.now = 1000;
    ValueState<Long> countState = backend.getState(count);
    ListState<String> wordsState = backend.getListState(words);
    MapState<String, Integer> seenState = backend.getMapState(seen);
    ReducingState<Long> sumState = backend.getReducingState(sum);
    AggregatingState<Long, Double> avgState = backend.getAggregatingState(avg);
    ValueState<Long> ttlCountState = backend.getState(ttlCount);
    ListState<String> ttlWordsState = backend.getListState(ttlWords);
    MapState<String, Integer> ttlSeenState = backend.getMapState(ttlSeen);
    for (int i = 0; i < n; i++) {
      if (!owns(backend, i)) {
        continue;
      }
      backend.setCurrentKey(key(i));
      countState.update(i * 10L);
      if (i % 2 == 0) {
        wordsState.add("w-" + i);
        wordsState.add("x-" + i);
      }
      seenState.put("w" + i, i);
      seenState.put("all", 1);
      sumState.add((long) i);
      sumState.add(100L);
      avgState.add((long) i);
      avgState.add((long) i + 2);
      ttlCountState.update((long) i);
      ttlWordsState.add("t-" + i);
      ttlSeenState.put("k", i);
    }
    clock.now = 1050;
    for (int i = 0; i < n; i += 3) {
      if (owns(backend, i)) {
        backend.setCurrentKey(key(i));
        ttlCountState.update(i + 1000L); // stamped 1050: outlives the others
      }
    }
  }

  /**
   * Checks every state of the keys 0..n-1 the backend owns against the formulas of {@link #fill},
   * first at time 1060 (all alive), then at 1110 (only the values stamped at 1050 alive).
   *
   * @return how many keys were checked
   */
  int verify(KeyedStateBackend<String> backend, int n) {
    ValueState<Long> countState = backend.getState(count);
    ListState<String> wordsState = backend.getListState(words);
    MapState<String, Integer> seenState = backend.getMapState(seen);
    ReducingState<Long> sumState = backend.getReducingState(sum);
    AggregatingState<Long, Double> avgState = backend.getAggregatingState(avg);
    ValueState<Long> ttlCountState = backend.getState(ttlCount);
    ListState<String> ttlWordsState = backend.getListState(ttlWords);
    MapState<String, Integer> ttlSeenState = backend.getMapState(ttlSeen);
    clock.now = 1060;
    int checked = 0;
    for (int i = 0; i < n; i++) {
      if (!owns(backend, i)) {
        continue;
      }
      checked++;
      backend.setCurrentKey(key(i));
      assertThat(countState.value()).as("count of %s", key(i)).isEqualTo(i * 10L);
      assertThat(wordsState.get())
          .as("words of %s", key(i))
          .containsExactlyElementsOf(i % 2 == 0 ? List.of("w-" + i, "x-" + i) : List.of());
      assertThat(entries(seenState)).isEqualTo(Map.of("w" + i, i, "all", 1));
      assertThat(sumState.get()).isEqualTo(i + 100L);
      assertThat(avgState.get()).isEqualTo(i + 1.0);
      assertThat(ttlCountState.value()).isEqualTo(i % 3 == 0 ? i + 1000L : i);
      assertThat(ttlWordsState.get()).containsExactly("t-" + i);
      assertThat(entries(ttlSeenState)).isEqualTo(Map.of("k", i));
    }
    clock.now = 1000 + TTL + 10; // 1110: what was stamped at 1000 has expired
    for (int i = 0; i < n; i++) {
      if (!owns(backend, i)) {
        continue;
      }
      backend.setCurrentKey(key(i));
      assertThat(ttlCountState.value()).isEqualTo(i % 3 == 0 ? i + 1000L : null);
      assertThat(ttlWordsState.get()).isEmpty();
      assertThat(ttlSeenState.isEmpty()).isTrue();
      assertThat(countState.value()).isEqualTo(i * 10L);
    }
    return checked;
  }

  private static Map<String, Integer> entries(MapState<String, Integer> state) {
    Map<String, Integer> map = new HashMap<>();
    state.entries().forEach(entry -> map.put(entry.getKey(), entry.getValue()));
    return map;
  }
}
