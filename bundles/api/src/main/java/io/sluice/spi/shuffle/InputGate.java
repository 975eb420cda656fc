package io.sluice.spi.shuffle;

/**
 * The consuming side of a shuffle: one per consuming subtask, read only by that subtask's thread,
 * with one channel per producing partition.
 */
public interface InputGate {

  int numberOfChannels();

  /**
   * The next buffer from any channel, or null if none is available right now. Data of one channel
   * arrives in the order it was emitted. The caller recycles the buffer once it has read it.
   *
   * @throws ShuffleException if a producer failed or a channel broke
   */
  NetworkBuffer pollNext();

  /**
   * Registers the callback run (from any thread) when data becomes available or the gate finishes
   * after {@link #pollNext()} returned null. The callback must be cheap: typically it wakes the
   * task thread.
   */
  void setAvailabilityListener(Runnable listener);

  /** True once every channel has delivered end-of-partition and all its data was polled. */
  boolean isFinished();

  /**
   * Whether channel {@code channel} has delivered end-of-partition (its data may still be queued).
   */
  boolean isChannelFinished(int channel);

  /** Releases the gate and recycles buffers that were not polled. */
  void close();
}
