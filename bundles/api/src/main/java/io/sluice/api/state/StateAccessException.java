package io.sluice.api.state;

/**
 * Reading or writing state failed inside the backend (I/O, a value that does not deserialize), or
 * the state's own function (a reduce function) threw a checked exception.
 */
public class StateAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
