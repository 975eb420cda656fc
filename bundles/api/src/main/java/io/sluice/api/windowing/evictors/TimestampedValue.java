package io.sluice.api.windowing.evictors;

/**
 * An element of a window together with its timestamp, as evictors see it.
 *
 * @param timestamp the element's timestamp, or {@code Long.MIN_VALUE} if it has none
 */
public record TimestampedValue<T>(T value, long timestamp) {
  public boolean hasTimestamp() {
    return timestamp != Long.MIN_VALUE;
  }
}
