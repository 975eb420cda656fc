package io.sluice.launcher.cli;

/** A command line that does not parse; the message says what is wrong. */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
