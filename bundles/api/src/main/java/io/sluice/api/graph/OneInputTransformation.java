package io.sluice.api.graph;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.operators.OperatorFactory;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Runs an operator over one input. On a keyed stream it carries the key selector, so the runtime
 * sets the current key (for state and timers) before every element. The output type is set right
 * after construction ({@link #setOutputType} or {@link #setOutputTypeError}).
 */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
  private final Transformation<IN> input;
  private final OperatorFactory<OUT> operatorFactory;
  private KeySelector<IN, ?> stateKeySelector;
  private Type stateKeyType;

  public OneInputTransformation(
      int id, String name, Transformation<IN> input, OperatorFactory<OUT> operatorFactory) {
    super(id, name);
    this.input = input;
    this.operatorFactory = operatorFactory;
  }

  /** Marks the input as keyed by {@code selector}, whose keys have type {@code keyType}. */
  public void setStateKey(KeySelector<IN, ?> selector, Type keyType) {
    this.stateKeySelector = selector;
    this.stateKeyType = keyType;
  }

  public Transformation<IN> getInput() {
    return input;
  }

  public OperatorFactory<OUT> getOperatorFactory() {
    return operatorFactory;
  }

  /** The key selector of a keyed input, or null. */
  public KeySelector<IN, ?> getStateKeySelector() {
    return stateKeySelector;
  }

  /** The key type of a keyed input, or null. */
  public Type getStateKeyType() {
    return stateKeyType;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
