package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the backend registers the reducing and aggregating kinds and states with time-to-live. */
class StateKindRegistrationTest {
  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final ManualClock clock = new ManualClock(0);

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  @Test
  void askingTwiceForAReducingOrAggregatingStateReturnsTheSameHandleAndKeepsTheFirstFunction() {
    ReducingState<Long> sum =
        backend.getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
    AggregatingState<Long, Double> avg =
        backend.getAggregatingState(
            new AggregatingStateDescriptor<>(
                "avg", new HeapAggregatingStateTest.Average(), long[].class));

    ReducingState<Long> sumAgain =
        backend.getReducingState(new ReducingStateDescriptor<>("sum", Math::max, Long.class));
    AggregatingState<Long, Double> avgAgain =
        backend.getAggregatingState(
            new AggregatingStateDescriptor<>(
                "avg", new HeapAggregatingStateTest.Average(), long[].class));

    assertThat(sumAgain).isSameAs(sum);
    assertThat(avgAgain).isSameAs(avg);
    backend.setCurrentKey("a");
    sumAgain.add(2L);
    sumAgain.add(3L);
    assertThat(sum.get()).isEqualTo(5L);
  }

  @Test
  void aReducingStateCannotReuseTheNameOfAValueStateOfTheSameType() {
    backend.getState(new ValueStateDescriptor<>("total", Long.class));

    assertThatThrownBy(
            () ->
                backend.getReducingState(
                    new ReducingStateDescriptor<>("total", Long::sum, Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already registered as VALUE<java.lang.Long>")
        .hasMessageContaining("REDUCING<java.lang.Long>");
  }

  @Test
  void theAggregatingKindIsRegisteredWithTheAccumulatorType() {
    backend.getAggregatingState(
        new AggregatingStateDescriptor<>(
            "avg", new HeapAggregatingStateTest.Average(), long[].class));

    assertThatThrownBy(
            () ->
                backend.getReducingState(
                    new ReducingStateDescriptor<>("avg", Long::sum, Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already registered as AGGREGATING<long[]>");
  }

  @Test
  void aNameCannotBeUsedBothWithAndWithoutTtl() {
    backend.getState(new ValueStateDescriptor<>("count", Long.class));
    ValueStateDescriptor<Long> withTtl = new ValueStateDescriptor<>("count", Long.class);
    withTtl.enableTimeToLive(clock.onCreateAndWrite(100));

    assertThatThrownBy(() -> backend.getState(withTtl))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VALUE<java.lang.Long> without ttl")
        .hasMessageContaining("with StateTtlConfig{ttl=PT0.1S, OnCreateAndWrite");
  }

  @Test
  void aNameWithTtlIsFoundAgainOnlyWithAnEqualTtlConfig() {
    ValueStateDescriptor<Long> first = new ValueStateDescriptor<>("count", Long.class);
    first.enableTimeToLive(clock.onCreateAndWrite(100));
    ValueState<Long> count = backend.getState(first);
    ValueStateDescriptor<Long> equal = new ValueStateDescriptor<>("count", Long.class);
    equal.enableTimeToLive(clock.onCreateAndWrite(100));
    ValueStateDescriptor<Long> longer = new ValueStateDescriptor<>("count", Long.class);
    longer.enableTimeToLive(clock.onCreateAndWrite(200));

    assertThat(backend.getState(equal)).isSameAs(count);
    assertThatThrownBy(() -> backend.getState(longer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ttl=PT0.2S");
  }

  @Test
  void reducingAndAggregatingHandlesFailClearlyAfterClose() {
    ReducingState<Long> sum =
        backend.getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
    AggregatingState<Long, Double> avg =
        backend.getAggregatingState(
            new AggregatingStateDescriptor<>(
                "avg", new HeapAggregatingStateTest.Average(), long[].class));
    backend.setCurrentKey("a");
    sum.add(1L);
    avg.add(1L);

    backend.close();

    assertThatThrownBy(sum::get).hasMessageContaining("closed");
    assertThatThrownBy(() -> avg.add(2L)).hasMessageContaining("closed");
  }
}
