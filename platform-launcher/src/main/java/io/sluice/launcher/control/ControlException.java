package io.sluice.launcher.control;

/** The control API answered with an error; the message is the platform's. */
public final class ControlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public ControlException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }
}
