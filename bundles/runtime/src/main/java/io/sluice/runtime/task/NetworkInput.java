package io.sluice.runtime.task;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.network.ElementHandler;
import io.sluice.runtime.network.InputStatus;
import io.sluice.runtime.network.StreamInputReader;
import io.sluice.spi.shuffle.InputGate;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the task's input gates (one per input of the head operator) and feeds the head. Watermarks:
 * each input's watermark is the minimum over its channels; the task's is the minimum over inputs,
 * and it is forwarded only when it advances. Inputs take turns so neither starves the other.
 */
final class NetworkInput implements TaskInput {
  private final List<InputGate> gates;
  private final InputHandler[] inputs;
  private final OperatorHandle<Object, Object> head;
  private final long[] inputWatermarks;
  private long emittedWatermark = Long.MIN_VALUE;
  private int next;

  NetworkInput(
      List<InputGate> gates,
      List<TypeSerializer<Object>> serializers,
      OperatorHandle<Object, Object> head) {
    this.gates = gates;
    this.head = head;
    this.inputs = new InputHandler[gates.size()];
    this.inputWatermarks = new long[gates.size()];
    Arrays.fill(inputWatermarks, Long.MIN_VALUE);
    for (int i = 0; i < gates.size(); i++) {
      inputs[i] = new InputHandler(i, gates.get(i), serializers.get(i));
    }
  }

  @Override
  public void open(Mailbox mailbox) {
    for (InputGate gate : gates) {
      gate.setAvailabilityListener(mailbox::wakeUp);
    }
  }

  @Override
  public Progress process() throws Exception {
    boolean allEnded = true;
    for (int attempt = 0; attempt < inputs.length; attempt++) {
      InputHandler input = inputs[next];
      next = (next + 1) % inputs.length;
      if (input.ended) {
        continue;
      }
      InputStatus status = input.reader.pollNext(input);
      if (status == InputStatus.MORE_AVAILABLE) {
        return Progress.MORE_AVAILABLE;
      }
      if (status == InputStatus.END_OF_INPUT) {
        input.ended = true;
      } else {
        allEnded = false;
      }
    }
    for (InputHandler input : inputs) {
      allEnded &= input.ended;
    }
    return allEnded ? Progress.END_OF_INPUT : Progress.NOTHING_AVAILABLE;
  }

  private void advanceWatermark(int input, long watermark) {
    inputWatermarks[input] = watermark;
    long min = Long.MAX_VALUE;
    for (long w : inputWatermarks) {
      min = Math.min(min, w);
    }
    if (min > emittedWatermark) {
      emittedWatermark = min;
      head.processWatermark(min);
    }
  }

  @Override
  public void close() {
    for (InputGate gate : gates) {
      gate.close();
    }
  }

  /** One input: its reader and the watermarks of its channels. */
  private final class InputHandler implements ElementHandler<Object> {
    final int index;
    final StreamInputReader<Object> reader;
    final long[] channelWatermarks;
    long watermark = Long.MIN_VALUE;
    boolean ended;

    InputHandler(int index, InputGate gate, TypeSerializer<Object> serializer) {
      this.index = index;
      this.reader = new StreamInputReader<>(gate, serializer);
      this.channelWatermarks = new long[gate.numberOfChannels()];
      Arrays.fill(channelWatermarks, Long.MIN_VALUE);
    }

    @Override
    public void onRecord(Object value, long timestamp) {
      if (index == 0) {
        head.processElement(value, timestamp);
      } else {
        head.processElement2(value, timestamp);
      }
    }

    @Override
    public void onWatermark(int channel, long channelWatermark) {
      if (channelWatermark <= channelWatermarks[channel]) {
        return;
      }
      channelWatermarks[channel] = channelWatermark;
      long min = Long.MAX_VALUE;
      for (long w : channelWatermarks) {
        min = Math.min(min, w);
      }
      if (min > watermark) {
        watermark = min;
        advanceWatermark(index, min);
      }
    }

    @Override
    public void onEvent(int channel, byte[] payload) {
      // Checkpoint barriers arrive here once checkpointing exists; no other events are sent yet.
    }
  }
}
