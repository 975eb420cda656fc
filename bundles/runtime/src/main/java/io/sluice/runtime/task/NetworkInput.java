package io.sluice.runtime.task;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.network.ElementHandler;
import io.sluice.runtime.network.StreamInputReader;
import io.sluice.spi.shuffle.InputGate;
import java.util.Arrays;

/**
 * Reads the task's input gate and feeds the head operator; combines the channels' watermarks into
 * the task's watermark (the minimum over channels, forwarded only when it advances).
 */
final class NetworkInput implements TaskInput, ElementHandler<Object> {
  private final InputGate gate;
  private final StreamInputReader<Object> reader;
  private final OperatorHandle<Object, Object> head;
  private final long[] channelWatermarks;
  private long emittedWatermark = Long.MIN_VALUE;

  NetworkInput(
      InputGate gate, TypeSerializer<Object> serializer, OperatorHandle<Object, Object> head) {
    this.gate = gate;
    this.reader = new StreamInputReader<>(gate, serializer);
    this.head = head;
    this.channelWatermarks = new long[gate.numberOfChannels()];
    Arrays.fill(channelWatermarks, Long.MIN_VALUE);
  }

  @Override
  public void open(Mailbox mailbox) {
    gate.setAvailabilityListener(mailbox::wakeUp);
  }

  @Override
  public Progress process() throws Exception {
    return switch (reader.pollNext(this)) {
      case MORE_AVAILABLE -> Progress.MORE_AVAILABLE;
      case NOTHING_AVAILABLE -> Progress.NOTHING_AVAILABLE;
      case END_OF_INPUT -> Progress.END_OF_INPUT;
    };
  }

  @Override
  public void onRecord(Object value, long timestamp) {
    head.processElement(value, timestamp);
  }

  @Override
  public void onWatermark(int channel, long watermark) {
    if (watermark <= channelWatermarks[channel]) {
      return;
    }
    channelWatermarks[channel] = watermark;
    long min = Long.MAX_VALUE;
    for (long w : channelWatermarks) {
      min = Math.min(min, w);
    }
    if (min > emittedWatermark) {
      emittedWatermark = min;
      head.processWatermark(min);
    }
  }

  @Override
  public void onEvent(int channel, byte[] payload) {
    // Checkpoint barriers arrive here once checkpointing exists; no other events are sent yet.
  }

  long numRecordsIn() {
    return reader.numRecordsIn();
  }

  @Override
  public void close() {
    gate.close();
  }
}
