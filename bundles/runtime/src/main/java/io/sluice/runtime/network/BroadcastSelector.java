package io.sluice.runtime.network;

/** Every record goes to every channel; the record writer serializes it once and copies it. */
public final class BroadcastSelector<T> implements ChannelSelector<T> {

  @Override
  public void setup(int numberOfChannels) {
    if (numberOfChannels < 1) {
      throw new IllegalArgumentException("need at least one channel: " + numberOfChannels);
    }
  }

  @Override
  public int selectChannel(T record) {
    throw new UnsupportedOperationException(
        "a broadcast selector has no single channel; the writer sends to all");
  }

  @Override
  public boolean isBroadcast() {
    return true;
  }
}
