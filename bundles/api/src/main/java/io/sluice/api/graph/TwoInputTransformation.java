package io.sluice.api.graph;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.operators.OperatorFactory;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Runs an operator over two inputs (connect, joins, the broadcast state pattern). When both inputs
 * are keyed, the runtime sets the current key from the selector of the input an element arrives on.
 */
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {
  private final Transformation<IN1> input1;
  private final Transformation<IN2> input2;
  private final OperatorFactory<OUT> operatorFactory;
  private KeySelector<IN1, ?> stateKeySelector1;
  private KeySelector<IN2, ?> stateKeySelector2;
  private Type stateKeyType;

  public TwoInputTransformation(
      int id,
      String name,
      Transformation<IN1> input1,
      Transformation<IN2> input2,
      OperatorFactory<OUT> operatorFactory) {
    super(id, name);
    this.input1 = input1;
    this.input2 = input2;
    this.operatorFactory = operatorFactory;
  }

  /** Marks the operator as keyed; a selector may be null for an input that is not keyed. */
  public void setStateKeys(
      KeySelector<IN1, ?> selector1, KeySelector<IN2, ?> selector2, Type keyType) {
    this.stateKeySelector1 = selector1;
    this.stateKeySelector2 = selector2;
    this.stateKeyType = keyType;
  }

  public Transformation<IN1> getInput1() {
    return input1;
  }

  public Transformation<IN2> getInput2() {
    return input2;
  }

  public OperatorFactory<OUT> getOperatorFactory() {
    return operatorFactory;
  }

  public KeySelector<IN1, ?> getStateKeySelector1() {
    return stateKeySelector1;
  }

  public KeySelector<IN2, ?> getStateKeySelector2() {
    return stateKeySelector2;
  }

  /** The key type when keyed, else null. */
  public Type getStateKeyType() {
    return stateKeyType;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input1, input2);
  }
}
