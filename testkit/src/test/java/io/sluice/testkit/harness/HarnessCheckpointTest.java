package io.sluice.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.operators.AbstractStreamOperator;
import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessCheckpointTest {

  /**
   * Emits "element:total" where the total counts elements since the job started, kept in split list
   * state; also remembers every element in union list state.
   */
  static final class CountingOperator extends AbstractStreamOperator<String>
      implements OneInputStreamOperator<String, String> {
    final List<String> seenAtRestore = new ArrayList<>();
    boolean restored;
    private ListState<Long> countState;
    private ListState<String> seenState;
    private long count;
    private final List<String> seen = new ArrayList<>();

    @Override
    public void initializeState() {
      countState =
          context
              .getOperatorStateStore()
              .getListState(new ListStateDescriptor<>("count", Long.class));
      seenState =
          context
              .getOperatorStateStore()
              .getUnionListState(new ListStateDescriptor<>("seen", String.class));
      restored = context.isRestored();
      for (long c : countState.get()) {
        count += c;
      }
      seenState.get().forEach(seenAtRestore::add);
      seen.addAll(seenAtRestore);
    }

    @Override
    public void processElement(String value, long timestamp) {
      count++;
      seen.add(value);
      output.collect(value + ":" + count, timestamp);
    }

    @Override
    public void snapshotState(long checkpointId) {
      countState.update(List.of(count));
      seenState.update(List.copyOf(seen));
    }
  }

  @Test
  void aRestoredOperatorContinuesFromItsSnapshotNotFromLaterChanges() throws Exception {
    CountingOperator first = new CountingOperator();
    var harness = new OneInputOperatorHarness<>(first);
    harness.open();
    harness.processElement("a");
    harness.processElement("b");
    OperatorSnapshot checkpoint = harness.snapshot(1);
    harness.processElement("lost");
    harness.snapshot(2); // a later snapshot must not change the first one

    CountingOperator second = new CountingOperator();
    try (var restored = new OneInputOperatorHarness<>(second)) {
      restored.initializeState(checkpoint);
      restored.open();
      restored.processElement("c");

      assertThat(first.restored).isFalse();
      assertThat(second.restored).isTrue();
      assertThat(second.seenAtRestore).containsExactly("a", "b");
      assertThat(restored.extractOutputValues()).containsExactly("c:3");
    }
    assertThat(checkpoint.checkpointId()).isEqualTo(1);
    assertThat(checkpoint.operatorState().size("count")).isEqualTo(1);
    assertThat(checkpoint.operatorState().size("seen")).isEqualTo(2);
    assertThat(checkpoint.keyedState()).isNull();
  }

  @Test
  void restoringFromSeveralSnapshotsMergesTheirListsAsAScaleInDoes() throws Exception {
    List<OperatorSnapshot> snapshots = new ArrayList<>();
    for (List<String> input : List.of(List.of("a", "b"), List.of("c"))) {
      var harness = new OneInputOperatorHarness<>(new CountingOperator());
      harness.open();
      for (String element : input) {
        harness.processElement(element);
      }
      snapshots.add(harness.snapshot(7));
    }

    CountingOperator merged = new CountingOperator();
    try (var restored = new OneInputOperatorHarness<>(merged)) {
      restored.initializeState(snapshots.toArray(OperatorSnapshot[]::new));
      restored.open();
      restored.processElement("d");

      assertThat(merged.seenAtRestore).containsExactly("a", "b", "c");
      assertThat(restored.extractOutputValues()).containsExactly("d:4");
    }
  }

  @Test
  void stateRegisteredOtherwiseThanCheckpointedFailsClearly() throws Exception {
    var harness = new OneInputOperatorHarness<>(new CountingOperator());
    harness.open();
    harness.processElement("a");
    OperatorSnapshot checkpoint = harness.snapshot(1);

    var restored =
        new OneInputOperatorHarness<String, String>(
            new UnionCountOperator()); // registers "count" as a union list
    restored.initializeState(checkpoint);
    assertThatThrownBy(restored::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "operator state 'count' of UnionCountOperator (1/1) was checkpointed as SPLIT but is"
                + " now registered as UNION");
  }

  static final class UnionCountOperator extends AbstractStreamOperator<String>
      implements OneInputStreamOperator<String, String> {
    @Override
    public void initializeState() {
      context
          .getOperatorStateStore()
          .getUnionListState(new ListStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(String value, long timestamp) {}
  }

  @Test
  void checkpointCallsNeedAStartedHarnessAndRestoreNeedsANewOne() throws Exception {
    var harness = new OneInputOperatorHarness<>(new CountingOperator());
    assertThatThrownBy(() -> harness.snapshot(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("snapshot() needs an open or finished operator");
    harness.open();
    OperatorSnapshot checkpoint = harness.snapshot(1);
    assertThatThrownBy(() -> harness.initializeState(checkpoint))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("initializeState() works on a CREATED harness");
    harness.finish();
    assertThat(harness.snapshot(2).checkpointId()).isEqualTo(2); // after finish, as a final one
    harness.close();
    assertThatThrownBy(() -> harness.notifyOfCompletedCheckpoint(2))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Counts per key in value state. */
  static final class PerKeyCount extends KeyedProcessFunction<String, String, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(io.sluice.api.functions.RuntimeContext context) {
      count = context.getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(String value, Context<String> ctx, Collector<String> out)
        throws Exception {
      long next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      out.collect(value + ":" + next);
    }
  }

  @Test
  void keyedStateIsSnapshottedAndRestoredThroughTheBackend() throws Exception {
    var harness =
        Harnesses.forKeyedProcessFunction(new PerKeyCount(), (String s) -> s, String.class);
    harness.processElement("x");
    harness.processElement("y");
    harness.processElement("x");
    OperatorSnapshot checkpoint = harness.snapshot(3);
    harness.processElement("x"); // after the checkpoint: lost in the crash

    try (var restored =
        new KeyedOneInputOperatorHarness<>(
            new io.sluice.api.operators.KeyedProcessOperator<>(new PerKeyCount()),
            (String s) -> s,
            String.class)) {
      restored.initializeState(checkpoint);
      restored.open();
      restored.processElement("x");
      restored.processElement("y");
      assertThat(restored.extractOutputValues()).containsExactly("x:3", "y:2");
    }
  }

  /** Emits "key fired at t" one time unit after each element's timestamp. */
  static final class Reminder extends KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, Context<String> ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + " fired at " + timestamp);
    }
  }

  @Test
  void pendingTimersAreSnapshottedAndFireAfterTheRestore() throws Exception {
    var harness = Harnesses.forKeyedProcessFunction(new Reminder(), (String s) -> s, String.class);
    harness.processElement("a", 10);
    harness.processElement("b", 20);
    harness.processWatermark(12); // a's timer fires before the checkpoint
    OperatorSnapshot checkpoint = harness.snapshot(1);
    assertThat(harness.extractOutputValues()).containsExactly("a fired at 11");

    try (var restored =
        new KeyedOneInputOperatorHarness<>(
            new io.sluice.api.operators.KeyedProcessOperator<>(new Reminder()),
            (String s) -> s,
            String.class)) {
      restored.initializeState(checkpoint);
      restored.open();
      restored.processWatermark(100);
      assertThat(restored.extractOutputValues()).containsExactly("b fired at 21");
      assertThat(restored.numEventTimeTimers()).isZero();
    }
  }
}
