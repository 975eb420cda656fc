package io.sluice.api.state;

import io.sluice.api.functions.AggregateFunction;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An accumulator per key that every {@link #add} feeds through the descriptor's {@link
 * AggregateFunction}; {@link #get()} is the function's result for that accumulator. State stores
 * the accumulator, not the added values, so an average costs a sum and a count per key.
 *
 * <p>{@link #get()} is null until the first {@link #add}, which starts from {@link
 * AggregateFunction#createAccumulator()}. Null cannot be added.
 *
 * @param <IN> the type of the added values
 * @param <OUT> the type of the result
 */
@ProviderType
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {}
