package io.sluice.runtime.network;

/** A record's key could not be extracted, so the record cannot be routed to a key group. */
public class KeyExtractionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeyExtractionException(String message, Throwable cause) {
    super(message, cause);
  }
}
