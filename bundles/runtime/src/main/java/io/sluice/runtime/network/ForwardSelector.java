package io.sluice.runtime.network;

/**
 * Sends every record to one fixed channel: producer subtask {@code i} feeds consumer subtask {@code
 * i} over a forward edge of equal parallelism.
 */
public final class ForwardSelector<T> implements ChannelSelector<T> {

  private final int channel;

  /**
   * @param channel the producer's subtask index
   */
  public ForwardSelector(int channel) {
    if (channel < 0) {
      throw new IllegalArgumentException("negative channel " + channel);
    }
    this.channel = channel;
  }

  @Override
  public void setup(int numberOfChannels) {
    if (channel >= numberOfChannels) {
      throw new IllegalArgumentException(
          "A forward edge needs equal parallelism: channel "
              + channel
              + " does not exist among "
              + numberOfChannels
              + " consumer channels");
    }
  }

  @Override
  public int selectChannel(T record) {
    return channel;
  }

  @Override
  public boolean isBroadcast() {
    return false;
  }
}
