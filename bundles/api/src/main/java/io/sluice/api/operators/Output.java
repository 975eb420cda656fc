package io.sluice.api.operators;

import io.sluice.api.functions.OutputTag;

/**
 * Where an operator emits: the next operator of the chain, or the network. Called only from the
 * task thread.
 */
public interface Output<T> {
  /** The timestamp of an element that has none. */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  void collect(T value, long timestamp);

  /** Emits to a side output; elements of a side output nobody reads are dropped. */
  <X> void collect(OutputTag<X> tag, X value, long timestamp);

  void emitWatermark(long watermark);
}
