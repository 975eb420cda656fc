package io.sluice.testkit.harness;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.operators.Output;
import io.sluice.api.operators.TwoInputStreamOperator;

/**
 * Tests a {@link TwoInputStreamOperator} on the test's thread. Each input has its own watermark;
 * the operator sees their minimum, as behind a two-input gate: {@code processWatermark1(10)} alone
 * moves nothing until {@code processWatermark2} passes {@code Long.MIN_VALUE} too.
 */
public class TwoInputOperatorHarness<IN1, IN2, OUT> extends OperatorHarness<OUT> {
  private final TwoInputStreamOperator<IN1, IN2, OUT> operator;
  private final KeySelector<IN1, Object> keySelector1;
  private final KeySelector<IN2, Object> keySelector2;
  private long watermark1 = Long.MIN_VALUE;
  private long watermark2 = Long.MIN_VALUE;

  public TwoInputOperatorHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator) {
    this(operator, null, null, null);
  }

  @SuppressWarnings("unchecked")
  TwoInputOperatorHarness(
      TwoInputStreamOperator<IN1, IN2, OUT> operator,
      KeySelector<IN1, ?> keySelector1,
      KeySelector<IN2, ?> keySelector2,
      HarnessKeyedState keyed) {
    super(operator, keyed);
    this.operator = operator;
    this.keySelector1 = (KeySelector<IN1, Object>) keySelector1;
    this.keySelector2 = (KeySelector<IN2, Object>) keySelector2;
  }

  public void processElement1(IN1 value, long timestamp) throws Exception {
    requireOpen("processElement1");
    if (keySelector1 != null) {
      keyedBackend().setCurrentKey(keySelector1.getKey(value));
    }
    operator.processElement1(value, timestamp);
    runMailbox();
  }

  public void processElement1(IN1 value) throws Exception {
    processElement1(value, Output.NO_TIMESTAMP);
  }

  public void processElement2(IN2 value, long timestamp) throws Exception {
    requireOpen("processElement2");
    if (keySelector2 != null) {
      keyedBackend().setCurrentKey(keySelector2.getKey(value));
    }
    operator.processElement2(value, timestamp);
    runMailbox();
  }

  public void processElement2(IN2 value) throws Exception {
    processElement2(value, Output.NO_TIMESTAMP);
  }

  /** The first input's watermark; the operator sees the minimum of both inputs'. */
  public void processWatermark1(long watermark) throws Exception {
    requireOpen("processWatermark1");
    watermark1 = Math.max(watermark1, watermark);
    advanceWatermark(Math.min(watermark1, watermark2));
  }

  /** The second input's watermark; the operator sees the minimum of both inputs'. */
  public void processWatermark2(long watermark) throws Exception {
    requireOpen("processWatermark2");
    watermark2 = Math.max(watermark2, watermark);
    advanceWatermark(Math.min(watermark1, watermark2));
  }

  /** The same watermark on both inputs. */
  public void processWatermark(long watermark) throws Exception {
    requireOpen("processWatermark");
    watermark1 = Math.max(watermark1, watermark);
    watermark2 = Math.max(watermark2, watermark);
    advanceWatermark(Math.min(watermark1, watermark2));
  }

  @Override
  public void endInput() throws Exception {
    watermark1 = Long.MAX_VALUE;
    watermark2 = Long.MAX_VALUE;
    super.endInput();
  }
}
