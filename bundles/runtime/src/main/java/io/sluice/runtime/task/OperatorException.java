package io.sluice.runtime.task;

/** A user function or operator failed; the message names the operator and subtask. */
public final class OperatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String operator;

  public OperatorException(String operator, Throwable cause) {
    super("Operator '" + operator + "' failed: " + cause, cause);
    this.operator = operator;
  }

  /** "name (i/n)". */
  public String operator() {
    return operator;
  }
}
