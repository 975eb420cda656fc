package io.sluice.testkit.multiinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.ProcessJoinFunction;
import io.sluice.api.operators.IntervalJoinOperator;
import io.sluice.state.heap.HeapKeyedStateBackend;
import io.sluice.testkit.harness.KeyedTwoInputOperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the interval join keeps in state, and for how long, watched through a harness. */
class IntervalJoinOperatorTest {

  record Event(String key, String name) {}

  static final class Concat extends ProcessJoinFunction<Event, Event, String> {
    @Override
    public void processElement(Event left, Event right, Context ctx, Collector<String> out) {
      out.collect(left.name() + "+" + right.name());
    }
  }

  /** The interval join in the shared keyed two-input harness, opened. */
  private static Join harness(long lower, long upper) throws Exception {
    Join join =
        new Join(
            new IntervalJoinOperator<String, Event, Event, String>(
                new Concat(), lower, upper, Event.class, Event.class));
    join.open();
    return join;
  }

  /** Adds the two views these tests read: output values and buffered keys per state. */
  static final class Join extends KeyedTwoInputOperatorHarness<String, Event, Event, String> {
    Join(IntervalJoinOperator<String, Event, Event, String> operator) {
      super(operator, Event::key, Event::key, String.class);
    }

    List<String> output() {
      return extractOutputValues();
    }

    /** How many keys hold an entry in {@code state} (the heap backend's count). */
    int keysHolding(String state) {
      return ((HeapKeyedStateBackend<String>) getKeyedStateBackend()).numberOfEntries(state);
    }

    int pendingEventTimers() {
      return numEventTimeTimers();
    }
  }

  @Test
  void aLeftElementIsKeptUntilTheWatermarkPassesItsTimestampPlusUpper() throws Exception {
    var join = harness(-2, 3);
    join.processElement1(new Event("a", "L10"), 10);
    join.processWatermark(13);
    // A right element at 13 = 10 + upper is on time (not behind the watermark) and still matches.
    join.processElement2(new Event("a", "R13"), 13);
    assertThat(join.output()).containsExactly("L10+R13");
    assertThat(join.keysHolding(IntervalJoinOperator.LEFT_BUFFER)).isEqualTo(1);

    join.processWatermark(14);
    // From now on every right element is at 14 or later: none can match L10, so it is gone.
    assertThat(join.keysHolding(IntervalJoinOperator.LEFT_BUFFER)).isZero();
  }

  @Test
  void aRightElementIsKeptUntilTheWatermarkPassesItsTimestampMinusLower() throws Exception {
    var join = harness(-2, 3);
    join.processElement2(new Event("a", "R20"), 20);
    join.processWatermark(22);
    // A left element at 22 = 20 - lower still matches R20 (20 >= 22 - 2).
    join.processElement1(new Event("a", "L22"), 22);
    assertThat(join.output()).containsExactly("L22+R20");
    assertThat(join.keysHolding(IntervalJoinOperator.RIGHT_BUFFER)).isEqualTo(1);

    join.processWatermark(23);
    assertThat(join.keysHolding(IntervalJoinOperator.RIGHT_BUFFER)).isZero();
  }

  @Test
  void elementsBehindTheWatermarkAreDroppedAndEverythingIsClearedAtTheEnd() throws Exception {
    var join = harness(0, 5);
    join.processElement1(new Event("a", "L1"), 1);
    join.processElement1(new Event("b", "L2"), 2);
    join.processWatermark(4);
    join.processElement2(new Event("a", "R3"), 3); // late: 3 < 4, dropped although 3 in [1, 6]
    join.processElement2(new Event("b", "R6"), 6);
    assertThat(join.output()).containsExactly("L2+R6");

    join.processWatermark(Long.MAX_VALUE);
    assertThat(join.keysHolding(IntervalJoinOperator.LEFT_BUFFER)).isZero();
    assertThat(join.keysHolding(IntervalJoinOperator.RIGHT_BUFFER)).isZero();
    assertThat(join.pendingEventTimers()).isZero();
  }
}
