package io.sluice.spi.shuffle;

/** Data could not be moved: a producer failed, a connection broke, a partition is unknown. */
public class ShuffleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ShuffleException(String message) {
    super(message);
  }

  public ShuffleException(String message, Throwable cause) {
    super(message, cause);
  }
}
