package io.sluice.launcher.platform;

/** The platform could not boot, install, or find a service; the message says what and why. */
public final class PlatformException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PlatformException(String message) {
    super(message);
  }

  public PlatformException(String message, Throwable cause) {
    super(message, cause);
  }
}
