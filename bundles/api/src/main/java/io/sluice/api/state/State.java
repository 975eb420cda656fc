package io.sluice.api.state;

/**
 * A handle to keyed state. Every access reads or writes the value of the key of the record (or
 * timer) being processed; handles are used only from the task thread that created them.
 */
public interface State {
  /** Removes the value of the current key. */
  void clear();
}
