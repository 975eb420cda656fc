package io.sluice.api.state;

import org.osgi.annotation.versioning.ProviderType;

/** One value per key; {@link #value()} is null until it is first updated. */
@ProviderType
public interface ValueState<T> extends State {
  T value();

  /** Sets the value of the current key; {@code null} clears it. */
  void update(T value);
}
