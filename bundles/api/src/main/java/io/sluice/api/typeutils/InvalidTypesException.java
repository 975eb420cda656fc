package io.sluice.api.typeutils;

/**
 * A type cannot be serialized, or the output type of a function cannot be determined. The message
 * names the type, the field path that failed, and what to do (e.g. add {@code .returns(...)}).
 */
public class InvalidTypesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidTypesException(String message) {
    super(message);
  }

  public InvalidTypesException(String message, Throwable cause) {
    super(message, cause);
  }
}
