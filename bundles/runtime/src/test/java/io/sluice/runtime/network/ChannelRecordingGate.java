package io.sluice.runtime.network;

import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.NetworkBuffer;
import java.util.List;

/** Passes everything to a real gate and records the channel of each buffer polled. */
final class ChannelRecordingGate implements InputGate {

  private final InputGate delegate;
  private final List<Integer> channels;

  ChannelRecordingGate(InputGate delegate, List<Integer> channels) {
    this.delegate = delegate;
    this.channels = channels;
  }

  @Override
  public int numberOfChannels() {
    return delegate.numberOfChannels();
  }

  @Override
  public NetworkBuffer pollNext() {
    NetworkBuffer buffer = delegate.pollNext();
    if (buffer != null) {
      channels.add(buffer.channelIndex());
    }
    return buffer;
  }

  @Override
  public void setAvailabilityListener(Runnable listener) {
    delegate.setAvailabilityListener(listener);
  }

  @Override
  public boolean isFinished() {
    return delegate.isFinished();
  }

  @Override
  public boolean isChannelFinished(int channel) {
    return delegate.isChannelFinished(channel);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
