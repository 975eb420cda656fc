package io.sluice.api.state;

import io.sluice.api.functions.ReduceFunction;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One value per key that every {@link #add} folds into with the descriptor's {@link
 * ReduceFunction}: a running sum or maximum that never holds more than one value.
 *
 * <p>{@link #get()} is null until the first {@link #add}; the first added value is stored as it is,
 * each later one is combined as {@code reduce(stored, added)}. Null cannot be added. A failure of
 * the reduce function leaves the state unchanged; a checked exception from it arrives wrapped in a
 * {@link StateAccessException}.
 */
@ProviderType
public interface ReducingState<T> extends AppendingState<T, T> {}
