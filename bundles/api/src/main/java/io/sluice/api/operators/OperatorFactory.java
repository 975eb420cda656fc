package io.sluice.api.operators;

/** Creates one operator instance per subtask, each with its own copy of the user function. */
@FunctionalInterface
public interface OperatorFactory<OUT> {
  StreamOperator<OUT> create();
}
