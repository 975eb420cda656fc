package io.sluice.api.connector.source;

/** Whether a source ends (a file) or runs until cancelled (a topic). */
public enum Boundedness {
  BOUNDED,
  CONTINUOUS_UNBOUNDED
}
