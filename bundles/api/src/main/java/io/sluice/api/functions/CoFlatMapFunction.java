package io.sluice.api.functions;

/**
 * Turns each element of either of two connected streams into zero or more elements. Both methods
 * run on the task thread of the subtask, never concurrently, so they may share fields.
 */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
  void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

  void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
