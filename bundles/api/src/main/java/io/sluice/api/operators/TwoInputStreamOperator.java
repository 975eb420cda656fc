package io.sluice.api.operators;

/**
 * An operator with two inputs. {@link #processWatermark} receives the combined watermark: the
 * minimum of the two inputs' watermarks.
 */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {
  void processElement1(IN1 value, long timestamp) throws Exception;

  void processElement2(IN2 value, long timestamp) throws Exception;
}
