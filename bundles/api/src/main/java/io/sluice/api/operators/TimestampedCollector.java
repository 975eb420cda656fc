package io.sluice.api.operators;

import io.sluice.api.functions.Collector;

/** A collector that emits with the timestamp of the element (or timer) being processed. */
final class TimestampedCollector<T> implements Collector<T> {
  private final Output<T> output;
  private long timestamp = Output.NO_TIMESTAMP;

  TimestampedCollector(Output<T> output) {
    this.output = output;
  }

  void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }

  /** Emits to a side output with the current timestamp. */
  <X> void collect(io.sluice.api.functions.OutputTag<X> tag, X record) {
    if (record == null) {
      throw new NullPointerException("a function emitted null to side output " + tag.getId());
    }
    output.collect(tag, record, timestamp);
  }

  @Override
  public void collect(T record) {
    if (record == null) {
      throw new NullPointerException("a function emitted null; streams do not carry null elements");
    }
    output.collect(record, timestamp);
  }
}
