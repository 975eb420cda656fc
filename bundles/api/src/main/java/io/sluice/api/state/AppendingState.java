package io.sluice.api.state;

import org.osgi.annotation.versioning.ProviderType;

/**
 * State that values are added to and that is read as a whole: the common view of list, reducing and
 * aggregating state, so that code holding window contents or running aggregates need not know which
 * of them it holds.
 *
 * @param <IN> the type of the added values
 * @param <OUT> the type of what {@link #get()} returns
 */
@ProviderType
public interface AppendingState<IN, OUT> extends State {

  /** What was added for the current key, combined; see the sub-interface for the empty case. */
  OUT get();

  /** Adds {@code value} to the current key's state. */
  void add(IN value);
}
