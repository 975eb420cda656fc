package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TtlMapStateTest {
  private static final long TTL = 100;

  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final ManualClock clock = new ManualClock(0);

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  private MapState<String, Long> mapState(StateTtlConfig ttl) {
    MapStateDescriptor<String, Long> descriptor =
        new MapStateDescriptor<>("seen", String.class, Long.class);
    descriptor.enableTimeToLive(ttl);
    return backend.getMapState(descriptor);
  }

  @Test
  void eachEntryExpiresOnItsOwnTtlAfterItWasPut() {
    MapState<String, Long> seen = mapState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    seen.put("early", 1L);
    clock.advance(50);
    seen.putAll(Map.of("late", 2L, "later", 3L));

    clock.advance(50);

    assertThat(seen.get("early")).isNull();
    assertThat(seen.contains("early")).isFalse();
    assertThat(seen.get("late")).isEqualTo(2L);
    assertThat(seen.contains("later")).isTrue();
  }

  @Test
  void iterationSkipsAndRemovesExpiredEntries() {
    MapState<String, Long> seen = mapState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    for (long i = 0; i < 10; i++) {
      seen.put("k" + i, i);
      clock.advance(10);
    }
    // Now at 100: k0 was put at 0 and has expired; k1..k9 live.
    clock.advance(35);
    // At 135: k0..k3 (put at 0..30) have expired.

    Map<String, Long> live = new HashMap<>();
    for (Map.Entry<String, Long> entry : seen.entries()) {
      live.put(entry.getKey(), entry.getValue());
    }

    Map<String, Long> expected = new HashMap<>();
    for (long i = 4; i < 10; i++) {
      expected.put("k" + i, i);
    }
    assertThat(live).isEqualTo(expected);
    assertThat(seen.keys()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(seen.values()).containsExactlyInAnyOrderElementsOf(expected.values());
  }

  @Test
  void whenEveryEntryExpiredTheMapIsEmptyAndTheKeyIsDropped() {
    MapState<String, Long> seen = mapState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    seen.put("x", 1L);
    seen.put("y", 2L);
    clock.advance(TTL);

    assertThat(backend.numberOfEntries("seen")).isEqualTo(1);
    assertThat(seen.isEmpty()).isTrue();
    assertThat(backend.numberOfEntries("seen")).isZero();
  }

  @Test
  void onCreateAndWriteLookupsDoNotKeepAnEntryAlive() {
    MapState<String, Long> seen = mapState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    seen.put("x", 1L);

    clock.advance(TTL - 1);
    assertThat(seen.get("x")).isEqualTo(1L);
    clock.advance(1);

    assertThat(seen.get("x")).isNull();
  }

  @Test
  void onReadAndWriteALookupRestartsTheTtlOfThatEntryOnly() {
    MapState<String, Long> seen = mapState(clock.onReadAndWrite(TTL));
    backend.setCurrentKey("a");
    seen.put("read", 1L);
    seen.put("unread", 2L);

    clock.advance(TTL - 1);
    assertThat(seen.get("read")).isEqualTo(1L);
    clock.advance(TTL - 1);

    assertThat(seen.get("read")).isEqualTo(1L);
    assertThat(seen.contains("unread")).isFalse();
  }

  @Test
  void onReadAndWriteIterationRestartsTheTtlOfTheEntriesItReturns() {
    MapState<String, Long> seen = mapState(clock.onReadAndWrite(TTL));
    backend.setCurrentKey("a");
    seen.put("x", 1L);
    seen.put("y", 2L);

    clock.advance(TTL - 1);
    assertThat(seen.keys()).containsExactlyInAnyOrder("x", "y");
    clock.advance(TTL - 1);

    assertThat(seen.get("x")).isEqualTo(1L);
    assertThat(seen.get("y")).isEqualTo(2L);
  }

  @Test
  void setValueThroughAnEntryWritesAndRestartsTheTtl() {
    MapState<String, Long> seen = mapState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    seen.put("x", 1L);
    clock.advance(TTL - 1);

    Map.Entry<String, Long> entry = seen.entries().iterator().next();
    Long previous = entry.setValue(5L);
    clock.advance(TTL - 1);

    assertThat(previous).isEqualTo(1L);
    assertThat(seen.get("x")).isEqualTo(5L);
    assertThatThrownBy(() -> seen.entries().iterator().next().setValue(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("map state 'seen' cannot hold a null value");
  }

  @Test
  void iteratorRemoveRightAfterNextRemovesThatEntry() {
    MapState<String, Long> seen = mapState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    seen.put("x", 1L);
    seen.put("y", 2L);

    Iterator<String> keys = seen.keys().iterator();
    String first = keys.next();
    keys.remove();

    String other = first.equals("x") ? "y" : "x";
    assertThat(seen.keys()).containsExactly(other);
  }

  @Test
  void iteratorRemoveAfterALookAheadIsRejectedInsteadOfRemovingTheWrongEntry() {
    MapState<String, Long> seen = mapState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    seen.put("x", 1L);
    seen.put("y", 2L);

    Iterator<String> keys = seen.keys().iterator();
    keys.next();
    assertThat(keys.hasNext()).isTrue();

    assertThatThrownBy(keys::remove)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("right after next()");
    assertThat(seen.keys()).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void nullKeysAndValuesAreStillRejectedWithThePlainMessages() {
    MapState<String, Long> seen = mapState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    Map<String, Long> withNull = new HashMap<>();
    withNull.put("ok", 1L);
    withNull.put("bad", null);

    assertThatThrownBy(() -> seen.put("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("map key 'x'");
    assertThatThrownBy(() -> seen.put(null, 1L))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("no null keys");
    assertThatThrownBy(() -> seen.putAll(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("map key 'bad'");
    assertThat(seen.isEmpty()).isTrue();
  }
}
