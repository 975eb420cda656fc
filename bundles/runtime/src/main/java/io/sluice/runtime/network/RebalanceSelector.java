package io.sluice.runtime.network;

/**
 * Round robin over all channels. Each producer starts at its own offset (usually its subtask
 * index), so small bursts from many producers do not all land on channel 0.
 */
public final class RebalanceSelector<T> implements ChannelSelector<T> {

  private final int startChannel;
  private int numberOfChannels;
  private int next;

  public RebalanceSelector(int startChannel) {
    this.startChannel = startChannel;
  }

  @Override
  public void setup(int numberOfChannels) {
    if (numberOfChannels < 1) {
      throw new IllegalArgumentException("need at least one channel: " + numberOfChannels);
    }
    this.numberOfChannels = numberOfChannels;
    this.next = Math.floorMod(startChannel, numberOfChannels);
  }

  @Override
  public int selectChannel(T record) {
    int channel = next;
    next = channel + 1 == numberOfChannels ? 0 : channel + 1;
    return channel;
  }

  @Override
  public boolean isBroadcast() {
    return false;
  }
}
