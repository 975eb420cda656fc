package io.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.state.rocksdb.Backends.ManualClock;
import io.sluice.state.rocksdb.RocksDbValueLikeStateTest.Average;
import io.sluice.state.rocksdb.RocksDbValueLikeStateTest.SumCount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time-to-live on every kind, on a manual clock: expired values are never returned. */
class RocksDbTtlTest {
  static final long TTL = 100;

  @TempDir Path directory;
  private Backends backends;
  private RocksDbKeyedStateBackend<String> backend;
  private final ManualClock clock = new ManualClock(1_000);

  @BeforeEach
  void openBackend() {
    backends = new Backends(directory);
    backend = backends.allKeyGroups();
  }

  @AfterEach
  void closeBackend() {
    backends.close();
  }

  private static <D extends StateDescriptor<?, ?>> D withTtl(D descriptor, StateTtlConfig ttl) {
    descriptor.enableTimeToLive(ttl);
    return descriptor;
  }

  @Test
  void aValueLivesUntilTtlHasPassedAndIsDeletedWhenTouchedAndNotBefore() {
    ValueState<String> state =
        backend.getState(
            withTtl(new ValueStateDescriptor<>("v", String.class), clock.onCreateAndWrite(TTL)));
    backend.setCurrentKey("a");
    state.update("x");
    backend.setCurrentKey("b");
    clock.advance(50);
    state.update("y");

    clock.advance(TTL - 51);
    assertThat(state.value()).isEqualTo("y");
    backend.setCurrentKey("a");
    assertThat(state.value()).isEqualTo("x");
    clock.advance(1);
    assertThat(backend.numberOfEntries("v")).isEqualTo(2);
    assertThat(state.value()).isNull();
    assertThat(backend.keys("v")).containsExactly("b");
    backend.setCurrentKey("b");
    assertThat(state.value()).isEqualTo("y");
  }

  @Test
  void onReadAndWriteEachReadRestartsTheTtlAndOnCreateAndWriteReadsDoNot() {
    ValueState<Long> refreshed =
        backend.getState(
            withTtl(new ValueStateDescriptor<>("read", Long.class), clock.onReadAndWrite(TTL)));
    ValueState<Long> written =
        backend.getState(
            withTtl(new ValueStateDescriptor<>("write", Long.class), clock.onCreateAndWrite(TTL)));
    backend.setCurrentKey("k");
    refreshed.update(1L);
    written.update(2L);

    for (int i = 0; i < 3; i++) {
      clock.advance(TTL / 2 + 10);
      assertThat(refreshed.value()).isEqualTo(1L);
    }
    assertThat(written.value()).isNull();
  }

  @Test
  void eachListElementExpiresOnItsOwnAndReadingDropsTheExpiredFromStorage() {
    ListState<String> list =
        backend.getListState(
            withTtl(new ListStateDescriptor<>("l", String.class), clock.onCreateAndWrite(TTL)));
    backend.setCurrentKey("k");
    list.add("early");
    clock.advance(40);
    list.addAll(List.of("mid-1", "mid-2"));
    clock.advance(40);
    list.add("late");

    clock.advance(20);
    assertThat(list.get()).containsExactly("mid-1", "mid-2", "late");
    clock.advance(40);
    assertThat(list.get()).containsExactly("late");
    clock.advance(40);
    assertThat(backend.numberOfEntries("l")).isEqualTo(1);
    assertThat(list.get()).isEmpty();
    assertThat(backend.numberOfEntries("l")).isZero();
  }

  @Test
  void onReadAndWriteAListReadRestampsEveryElementItReturns() {
    ListState<String> list =
        backend.getListState(
            withTtl(new ListStateDescriptor<>("l", String.class), clock.onReadAndWrite(TTL)));
    backend.setCurrentKey("k");
    list.add("a");
    clock.advance(60);
    list.add("b");
    clock.advance(30);
    assertThat(list.get()).containsExactly("a", "b");

    clock.advance(TTL - 1);
    assertThat(list.get()).containsExactly("a", "b");
  }

  @Test
  void eachMapEntryExpiresOnItsOwnAndIterationDeletesTheExpired() {
    MapState<String, Integer> map =
        backend.getMapState(
            withTtl(
                new MapStateDescriptor<>("m", String.class, Integer.class),
                clock.onCreateAndWrite(TTL)));
    backend.setCurrentKey("k");
    map.put("old", 1);
    clock.advance(50);
    map.put("new", 2);
    clock.advance(50);

    assertThat(map.contains("old")).isFalse();
    assertThat(map.entries()).containsExactly(entry("new", 2));
    assertThat(map.get("new")).isEqualTo(2);
    clock.advance(50);
    assertThat(backend.numberOfEntries("m")).isEqualTo(1);
    assertThat(map.isEmpty()).isTrue();
    assertThat(backend.numberOfEntries("m")).isZero();
  }

  @Test
  void onReadAndWriteAMapLookupRestartsTheTtlOfThatEntryOnly() {
    MapState<String, Integer> map =
        backend.getMapState(
            withTtl(
                new MapStateDescriptor<>("m", String.class, Integer.class),
                clock.onReadAndWrite(TTL)));
    backend.setCurrentKey("k");
    map.putAll(java.util.Map.of("read", 1, "unread", 2));
    clock.advance(TTL - 1);
    assertThat(map.get("read")).isEqualTo(1);

    clock.advance(1);
    assertThat(map.keys()).containsExactly("read");
  }

  @Test
  void reducingAndAggregatingStartOverAfterExpiry() {
    ReducingState<Long> sum =
        backend.getReducingState(
            withTtl(
                new ReducingStateDescriptor<>("sum", Long::sum, Long.class),
                clock.onCreateAndWrite(TTL)));
    AggregatingState<Long, Double> average =
        backend.getAggregatingState(
            withTtl(
                new AggregatingStateDescriptor<>("avg", new Average(), SumCount.class),
                clock.onCreateAndWrite(TTL)));
    backend.setCurrentKey("k");
    sum.add(5L);
    average.add(5L);
    clock.advance(TTL - 1);
    sum.add(6L);
    average.add(7L);
    assertThat(sum.get()).isEqualTo(11L);
    assertThat(average.get()).isEqualTo(6.0);

    clock.advance(TTL);
    assertThat(sum.get()).isNull();
    sum.add(1L);
    average.add(1L);

    assertThat(sum.get()).isEqualTo(1L);
    assertThat(average.get()).isEqualTo(1.0);
  }
}
