package io.sluice.launcher.feature;

/** A feature that cannot be read, resolved, installed or uninstalled; the message says why. */
public final class FeatureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FeatureException(String message) {
    super(message);
  }

  public FeatureException(String message, Throwable cause) {
    super(message, cause);
  }
}
