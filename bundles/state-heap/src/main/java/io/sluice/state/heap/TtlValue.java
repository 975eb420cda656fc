package io.sluice.state.heap;

/**
 * A stored value with the time it was last written (or read, under {@code OnReadAndWrite}), as
 * states with time-to-live keep it: one per value, list element or map entry.
 *
 * @param timestamp milliseconds of the {@link io.sluice.api.state.TtlTimeProvider}
 */
record TtlValue<V>(V value, long timestamp) {}
