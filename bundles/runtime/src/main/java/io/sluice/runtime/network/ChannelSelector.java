package io.sluice.runtime.network;

/**
 * Decides which subpartition (consumer channel) a record goes to: the partitioning of one job edge.
 *
 * <p>A selector belongs to one {@link RecordWriter} and so to one task thread; implementations keep
 * plain mutable fields.
 *
 * @param <T> the records routed
 */
public interface ChannelSelector<T> {

  /** Called once by the record writer before the first record. */
  void setup(int numberOfChannels);

  /** The channel for {@code record}, in {@code [0, numberOfChannels)}; unused when broadcast. */
  int selectChannel(T record);

  /** Whether every record goes to every channel. */
  boolean isBroadcast();
}
