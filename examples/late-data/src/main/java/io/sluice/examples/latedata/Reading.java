package io.sluice.examples.latedata;

/** A temperature reading of a sensor at an event time in seconds. */
public record Reading(String sensor, long timestampSeconds, int temperature) {
  public long timestampMillis() {
    return timestampSeconds * 1000;
  }
}
