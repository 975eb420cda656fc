package io.sluice.runtime.network;

/**
 * Receives the elements a {@link StreamInputReader} decodes, on the task thread, in channel order.
 *
 * @param <T> the records
 */
public interface ElementHandler<T> {

  /**
   * A record.
   *
   * @param timestamp its event time, or {@link RecordWriter#NO_TIMESTAMP}
   */
  void onRecord(T value, long timestamp) throws Exception;

  /** A watermark from the producer behind {@code channel}. */
  void onWatermark(int channel, long watermark) throws Exception;

  /**
   * The producer behind {@code channel} went idle (it will send no watermarks for a while, so it
   * must not hold back the minimum) or became active again.
   */
  void onWatermarkStatus(int channel, boolean idle) throws Exception;

  /** An event (checkpoint barrier, …); {@code payload} is a copy the handler may keep. */
  void onEvent(int channel, byte[] payload) throws Exception;
}
