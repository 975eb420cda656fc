package io.sluice.api.state;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A handle to keyed state. Every access reads or writes the value of the key of the record (or
 * timer) being processed; handles are used only from the task thread that created them.
 */
@ProviderType
public interface State {
  /** Removes the value of the current key. */
  void clear();
}
