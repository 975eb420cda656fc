package io.sluice.api.connector.source;

/** What {@link SourceReader#pollNext} achieved. */
public enum InputStatus {
  /** It emitted, and more is available at once. */
  MORE_AVAILABLE,
  /** Nothing right now; wait for {@link SourceReader#isAvailable()}. */
  NOTHING_AVAILABLE,
  /** The reader is done for good. */
  END_OF_INPUT
}
