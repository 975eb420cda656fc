package io.sluice.runtime.task;

import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.NetworkBuffer;
import java.util.ArrayDeque;

/**
 * An input gate whose channels can be blocked while checkpoint barriers are aligned: buffers of a
 * blocked channel are held back (in arrival order) and handed out once the channel is unblocked,
 * before anything newer. Holding buffers keeps them from their pool, so a producer that runs ahead
 * is slowed by backpressure rather than by memory growth. Confined to the task thread.
 */
final class BlockableInputGate implements InputGate {
  private final InputGate gate;
  private final boolean[] blocked;
  private final ArrayDeque<NetworkBuffer>[] held;
  private int heldCount;

  @SuppressWarnings("unchecked")
  BlockableInputGate(InputGate gate) {
    this.gate = gate;
    int channels = gate.numberOfChannels();
    this.blocked = new boolean[channels];
    this.held = new ArrayDeque[channels];
    for (int c = 0; c < channels; c++) {
      held[c] = new ArrayDeque<>();
    }
  }

  void block(int channel) {
    blocked[channel] = true;
  }

  void unblockAll() {
    java.util.Arrays.fill(blocked, false);
  }

  @Override
  public int numberOfChannels() {
    return gate.numberOfChannels();
  }

  @Override
  public NetworkBuffer pollNext() {
    if (heldCount > 0) {
      for (int c = 0; c < held.length; c++) {
        if (!blocked[c] && !held[c].isEmpty()) {
          heldCount--;
          return held[c].poll();
        }
      }
    }
    NetworkBuffer buffer;
    while ((buffer = gate.pollNext()) != null) {
      int channel = buffer.channelIndex();
      if (!blocked[channel]) {
        return buffer;
      }
      held[channel].add(buffer);
      heldCount++;
    }
    return null;
  }

  @Override
  public void setAvailabilityListener(Runnable listener) {
    gate.setAvailabilityListener(listener);
  }

  @Override
  public boolean isFinished() {
    return heldCount == 0 && gate.isFinished();
  }

  @Override
  public boolean isChannelFinished(int channel) {
    return held[channel].isEmpty() && gate.isChannelFinished(channel);
  }

  @Override
  public void close() {
    for (ArrayDeque<NetworkBuffer> queue : held) {
      NetworkBuffer buffer;
      while ((buffer = queue.poll()) != null) {
        buffer.recycle();
      }
    }
    heldCount = 0;
    gate.close();
  }
}
