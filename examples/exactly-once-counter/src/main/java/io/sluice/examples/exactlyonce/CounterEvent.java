package io.sluice.examples.exactlyonce;

/**
 * Event number {@code index} of the generated input; its key is {@code index % keys}.
 *
 * @param index the event's position in the input, from 0
 * @param key the key it is counted under
 */
public record CounterEvent(long index, int key) {}
