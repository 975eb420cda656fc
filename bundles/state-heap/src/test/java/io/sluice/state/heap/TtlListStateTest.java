package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TtlListStateTest {
  private static final long TTL = 100;

  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final ManualClock clock = new ManualClock(5_000);

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  private ListState<String> listState(StateTtlConfig ttl) {
    ListStateDescriptor<String> descriptor = new ListStateDescriptor<>("events", String.class);
    descriptor.enableTimeToLive(ttl);
    return backend.getListState(descriptor);
  }

  @Test
  void eachElementExpiresOnItsOwnTtlAfterItWasAdded() {
    ListState<String> events = listState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    events.add("first");
    clock.advance(40);
    events.addAll(List.of("second", "third"));
    clock.advance(40);
    events.add("fourth");

    clock.advance(20);
    assertThat(events.get()).containsExactly("second", "third", "fourth");

    clock.advance(40);
    assertThat(events.get()).containsExactly("fourth");

    clock.advance(40);
    assertThat(events.get()).isEmpty();
  }

  @Test
  void readingDropsExpiredElementsFromTheStoredListAndTheLastOneDropsTheKey() {
    ListState<String> events = listState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    events.add("old");
    clock.advance(TTL);

    assertThat(events.get()).isEmpty();
    assertThat(backend.numberOfEntries("events")).isZero();
  }

  @Test
  void onCreateAndWriteReadsDoNotKeepElementsAlive() {
    ListState<String> events = listState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    events.add("x");

    clock.advance(TTL - 1);
    assertThat(events.get()).containsExactly("x");
    clock.advance(1);

    assertThat(events.get()).isEmpty();
  }

  @Test
  void onReadAndWriteAReadRestartsTheTtlOfEveryElementItReturns() {
    ListState<String> events = listState(clock.onReadAndWrite(TTL));
    backend.setCurrentKey("a");
    events.add("x");
    clock.advance(50);
    events.add("y");

    clock.advance(TTL - 1);
    assertThat(events.get()).containsExactly("y");
    clock.advance(TTL - 1);
    assertThat(events.get()).containsExactly("y");

    clock.advance(TTL);
    assertThat(events.get()).isEmpty();
  }

  @Test
  void updateStampsEveryNewElementWithTheCurrentTime() {
    ListState<String> events = listState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    events.add("old");
    clock.advance(TTL - 1);

    events.update(List.of("n1", "n2"));
    clock.advance(TTL - 1);

    assertThat(events.get()).containsExactly("n1", "n2");
  }

  @Test
  void theReturnedListIsReadOnlyAndNullElementsAreStillRejected() {
    ListState<String> events = listState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    events.add("x");

    Iterable<String> read = events.get();
    assertThatThrownBy(() -> read.iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> events.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("list state 'events' cannot hold null elements");
    assertThatThrownBy(() -> events.addAll(Arrays.asList("y", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null at index 1");
    assertThat(events.get()).containsExactly("x");
  }

  @Test
  void keysKeepSeparateListsWithSeparateTimestamps() {
    ListState<String> events = listState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    events.add("a1");
    clock.advance(60);
    backend.setCurrentKey("b");
    events.add("b1");
    clock.advance(60);

    assertThat(events.get()).containsExactly("b1");
    backend.setCurrentKey("a");
    assertThat(events.get()).isEmpty();
  }
}
