package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TtlValueStateTest {
  private static final long TTL = 100;

  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final ManualClock clock = new ManualClock(1_000);

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  private ValueState<Long> valueState(StateTtlConfig ttl) {
    ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("count", Long.class);
    descriptor.enableTimeToLive(ttl);
    return backend.getState(descriptor);
  }

  @Test
  void aValueLivesUntilTtlHasPassedAndIsGoneFromThenOn() {
    ValueState<Long> count = valueState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    count.update(7L);

    clock.advance(TTL - 1);
    assertThat(count.value()).isEqualTo(7L);

    clock.advance(1);
    assertThat(count.value()).isNull();
  }

  @Test
  void onCreateAndWriteReadsDoNotKeepTheValueAlive() {
    ValueState<Long> count = valueState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    count.update(7L);

    for (int i = 0; i < 4; i++) {
      clock.advance(TTL / 4);
      count.value();
    }

    assertThat(count.value()).isNull();
  }

  @Test
  void onReadAndWriteEachReadRestartsTheTtl() {
    ValueState<Long> count = valueState(clock.onReadAndWrite(TTL));
    backend.setCurrentKey("a");
    count.update(7L);

    for (int i = 0; i < 10; i++) {
      clock.advance(TTL - 1);
      assertThat(count.value()).as("read %d", i).isEqualTo(7L);
    }

    clock.advance(TTL);
    assertThat(count.value()).isNull();
  }

  @Test
  void anUpdateRestartsTheTtlInEitherMode() {
    ValueState<Long> count = valueState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    count.update(1L);
    clock.advance(TTL - 1);

    count.update(2L);
    clock.advance(TTL - 1);

    assertThat(count.value()).isEqualTo(2L);
  }

  @Test
  void anExpiredValueIsRemovedWhenTouchedAndNotBefore() {
    ValueState<Long> count = valueState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    count.update(1L);
    backend.setCurrentKey("b");
    count.update(2L);
    clock.advance(TTL);

    assertThat(backend.numberOfEntries("count")).isEqualTo(2);
    assertThat(count.value()).isNull();
    assertThat(backend.keys("count")).containsExactly("a");
  }

  @Test
  void keysExpireIndependently() {
    ValueState<Long> count = valueState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("early");
    count.update(1L);
    clock.advance(TTL / 2);
    backend.setCurrentKey("late");
    count.update(2L);

    clock.advance(TTL / 2);

    assertThat(count.value()).isEqualTo(2L);
    backend.setCurrentKey("early");
    assertThat(count.value()).isNull();
  }

  @Test
  void aWriteAfterExpiryStartsAFreshValue() {
    ValueState<Long> count = valueState(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    count.update(1L);
    clock.advance(TTL * 3);

    count.update(9L);
    clock.advance(TTL - 1);

    assertThat(count.value()).isEqualTo(9L);
  }

  @Test
  void aDisabledConfigKeepsValuesForeverAndNeverReadsTheClock() {
    StateTtlConfig disabled =
        StateTtlConfig.newBuilder(java.time.Duration.ofMillis(TTL))
            .setUpdateType(StateTtlConfig.UpdateType.Disabled)
            .setTimeProvider(clock)
            .build();
    ValueState<Long> count = valueState(disabled);
    backend.setCurrentKey("a");
    count.update(1L);

    clock.advance(TTL * 10);

    assertThat(count.value()).isEqualTo(1L);
    assertThat(clock.reads()).isZero();
  }
}
