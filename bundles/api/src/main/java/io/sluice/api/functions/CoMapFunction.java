package io.sluice.api.functions;

/**
 * Maps the elements of two connected streams to one output type, one method per input: how two
 * streams of different types become one ({@code control.connect(data).map(...)}). Both methods run
 * on the task thread of the subtask, never concurrently, so they may share fields.
 */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
  OUT map1(IN1 value) throws Exception;

  OUT map2(IN2 value) throws Exception;
}
