package io.sluice.api.operators;

/** An operator with one input. */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
  /**
   * Processes one element. On a keyed stream the element's key is already the current key of the
   * state backend.
   *
   * @param timestamp the element's timestamp, or {@link Output#NO_TIMESTAMP}
   */
  void processElement(IN value, long timestamp) throws Exception;
}
