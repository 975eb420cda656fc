package io.sluice.api.eventtime;

import java.io.Serializable;

/** Extracts an element's event time in epoch milliseconds. */
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {
  /**
   * @param recordTimestamp the timestamp the source attached, or Long.MIN_VALUE
   */
  long extractTimestamp(T element, long recordTimestamp);
}
