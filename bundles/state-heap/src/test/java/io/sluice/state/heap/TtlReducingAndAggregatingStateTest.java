package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TtlReducingAndAggregatingStateTest {
  private static final long TTL = 100;

  private final HeapKeyedStateBackend<String> backend = TestBackends.allKeyGroups();
  private final ManualClock clock = new ManualClock(10_000);

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  private ReducingState<Long> sum(StateTtlConfig ttl) {
    ReducingStateDescriptor<Long> descriptor =
        new ReducingStateDescriptor<>("sum", Long::sum, Long.class);
    descriptor.enableTimeToLive(ttl);
    return backend.getReducingState(descriptor);
  }

  private AggregatingState<Long, Double> average(StateTtlConfig ttl) {
    AggregatingStateDescriptor<Long, long[], Double> descriptor =
        new AggregatingStateDescriptor<>(
            "avg", new HeapAggregatingStateTest.Average(), long[].class);
    descriptor.enableTimeToLive(ttl);
    return backend.getAggregatingState(descriptor);
  }

  @Test
  void aReducedValueExpiresTtlAfterTheLastAdd() {
    ReducingState<Long> sum = sum(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    sum.add(1L);
    clock.advance(TTL - 1);
    sum.add(2L);

    clock.advance(TTL - 1);
    assertThat(sum.get()).isEqualTo(3L);

    clock.advance(1);
    assertThat(sum.get()).isNull();
  }

  @Test
  void anAddAfterExpiryStartsOverInsteadOfReducingWithTheExpiredValue() {
    ReducingState<Long> sum = sum(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    sum.add(100L);
    clock.advance(TTL);

    sum.add(5L);

    assertThat(sum.get()).isEqualTo(5L);
  }

  @Test
  void reducingOnCreateAndWriteReadsDoNotKeepTheValueAlive() {
    ReducingState<Long> sum = sum(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    sum.add(1L);
    clock.advance(TTL / 2);
    assertThat(sum.get()).isEqualTo(1L);

    clock.advance(TTL / 2);

    assertThat(sum.get()).isNull();
  }

  @Test
  void reducingOnReadAndWriteReadsKeepTheValueAlive() {
    ReducingState<Long> sum = sum(clock.onReadAndWrite(TTL));
    backend.setCurrentKey("a");
    sum.add(1L);
    clock.advance(TTL / 2);
    assertThat(sum.get()).isEqualTo(1L);

    clock.advance(TTL / 2);

    assertThat(sum.get()).isEqualTo(1L);
  }

  @Test
  void anAccumulatorExpiresAndTheNextAddStartsFromANewOne() {
    AggregatingState<Long, Double> avg = average(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    avg.add(10L);
    avg.add(20L);
    clock.advance(TTL - 1);
    assertThat(avg.get()).isEqualTo(15.0);

    clock.advance(1);
    assertThat(avg.get()).isNull();
    assertThat(backend.numberOfEntries("avg")).isZero();

    avg.add(4L);
    assertThat(avg.get()).isEqualTo(4.0);
  }

  @Test
  void aggregatingOnReadAndWriteReadsKeepTheAccumulatorAlive() {
    AggregatingState<Long, Double> avg = average(clock.onReadAndWrite(TTL));
    backend.setCurrentKey("a");
    avg.add(6L);

    for (int i = 0; i < 5; i++) {
      clock.advance(TTL - 1);
      assertThat(avg.get()).as("read %d", i).isEqualTo(6.0);
    }
    clock.advance(TTL);

    assertThat(avg.get()).isNull();
  }

  @Test
  void aggregatingOnCreateAndWriteReadsDoNotKeepTheAccumulatorAlive() {
    AggregatingState<Long, Double> avg = average(clock.onCreateAndWrite(TTL));
    backend.setCurrentKey("a");
    avg.add(6L);
    clock.advance(TTL - 1);
    assertThat(avg.get()).isEqualTo(6.0);

    clock.advance(1);

    assertThat(avg.get()).isNull();
  }
}
