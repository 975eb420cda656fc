package io.sluice.testkit.harness;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.api.operators.Output;

/**
 * Tests a {@link OneInputStreamOperator} on the test's thread:
 *
 * <pre>{@code
 * var harness = new OneInputOperatorHarness<>(new StreamMap<>(String::length));
 * harness.open();
 * harness.processElement("abc", 10);
 * assertThat(harness.getOutput()).containsExactly(new StreamRecord<>(3, 10));
 * }</pre>
 *
 * Without a key selector the operator has no keyed state or timers, as on a non-keyed stream; use
 * {@link KeyedOneInputOperatorHarness} for those.
 */
public class OneInputOperatorHarness<IN, OUT> extends OperatorHarness<OUT> {
  private final OneInputStreamOperator<IN, OUT> operator;
  private final KeySelector<IN, Object> keySelector;

  public OneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator) {
    this(operator, null, null);
  }

  @SuppressWarnings("unchecked")
  OneInputOperatorHarness(
      OneInputStreamOperator<IN, OUT> operator,
      KeySelector<IN, ?> keySelector,
      HarnessKeyedState keyed) {
    super(operator, keyed);
    this.operator = operator;
    this.keySelector = (KeySelector<IN, Object>) keySelector;
  }

  /** Processes {@code value} with {@code timestamp}; in a keyed harness its key becomes current. */
  public void processElement(IN value, long timestamp) throws Exception {
    requireOpen("processElement");
    if (keySelector != null) {
      keyedBackend().setCurrentKey(keySelector.getKey(value));
    }
    operator.processElement(value, timestamp);
    runMailbox();
  }

  /** Processes {@code value} without a timestamp. */
  public void processElement(IN value) throws Exception {
    processElement(value, Output.NO_TIMESTAMP);
  }

  public void processElement(StreamRecord<IN> record) throws Exception {
    processElement(record.value(), record.timestamp());
  }

  /**
   * Fires the event-time timers up to {@code watermark}, then hands it to the operator; a watermark
   * that does not advance is ignored, as in the runtime.
   */
  public void processWatermark(long watermark) throws Exception {
    advanceWatermark(watermark);
  }
}
