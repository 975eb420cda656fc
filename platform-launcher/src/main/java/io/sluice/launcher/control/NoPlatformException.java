package io.sluice.launcher.control;

/** No long-running platform answers; the message tells how to start one. */
public final class NoPlatformException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String MESSAGE = "no platform running; start one with ./sluice start";

  public NoPlatformException() {
    super(MESSAGE);
  }
}
