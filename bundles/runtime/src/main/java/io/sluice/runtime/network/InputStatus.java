package io.sluice.runtime.network;

/**
 * What one {@link StreamInputReader#pollNext} call found, so the task loop knows what to do next.
 */
public enum InputStatus {
  /** A buffer was processed; call again. */
  MORE_AVAILABLE,
  /** The gate is empty right now; wait for its availability listener. */
  NOTHING_AVAILABLE,
  /** Every channel ended and every element was delivered. */
  END_OF_INPUT
}
