package io.sluice.runtime.task;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.checkpoint.CheckpointBarrier;
import io.sluice.runtime.network.ElementHandler;
import io.sluice.runtime.network.InputStatus;
import io.sluice.runtime.network.StreamInputReader;
import io.sluice.runtime.network.WatermarkValve;
import io.sluice.spi.shuffle.InputGate;
import java.util.List;

/**
 * Reads the task's input gates (one per input of the head operator) and feeds the head. Watermarks
 * and idleness go through two levels of {@link WatermarkValve}: each input combines its channels
 * (minimum over active channels; idle when all are), the task combines its inputs the same way, and
 * the head sees a watermark only when it advances and a status only when it changes. Inputs take
 * turns so neither starves the other.
 */
final class NetworkInput implements TaskInput {
  private final List<BlockableInputGate> gates;
  private final InputHandler[] inputs;
  private final OperatorHandle<Object, Object> head;
  private final WatermarkValve taskValve;
  private final BarrierAligner aligner;
  private int next;

  /**
   * @param alignBarriers whether to align checkpoint barriers (exactly-once)
   * @param checkpoints takes the task's snapshot when a barrier is complete
   */
  NetworkInput(
      List<InputGate> inputGates,
      List<TypeSerializer<Object>> serializers,
      OperatorHandle<Object, Object> head,
      boolean alignBarriers,
      BarrierAligner.Target checkpoints) {
    this.gates = inputGates.stream().map(BlockableInputGate::new).toList();
    this.aligner = new BarrierAligner(gates, alignBarriers, checkpoints);
    this.head = head;
    this.inputs = new InputHandler[gates.size()];
    this.taskValve =
        new WatermarkValve(
            gates.size(),
            new WatermarkValve.Output() {
              @Override
              public void emitWatermark(long watermark) {
                head.processWatermark(watermark);
              }

              @Override
              public void emitWatermarkStatus(boolean idle) {
                head.processWatermarkStatus(idle);
              }
            });
    for (int i = 0; i < gates.size(); i++) {
      inputs[i] = new InputHandler(i, gates.get(i), serializers.get(i));
    }
  }

  /** The coordinator aborted checkpoint {@code id}; release an alignment waiting for it. */
  void abortCheckpoint(long id) {
    aligner.abort(id);
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
        aligner.onInputFinished();
      } else {
        allEnded = false;
      }
    }
    for (InputHandler input : inputs) {
      allEnded &= input.ended;
    }
    return allEnded ? Progress.END_OF_INPUT : Progress.NOTHING_AVAILABLE;
  }

  @Override
  public void close() {
    for (BlockableInputGate gate : gates) {
      gate.close();
    }
  }

  /** One input: its reader and the valve over its channels, which feeds the task's valve. */
  private final class InputHandler implements ElementHandler<Object>, WatermarkValve.Output {
    final int index;
    final StreamInputReader<Object> reader;
    final WatermarkValve channels;
    boolean ended;

    InputHandler(int index, InputGate gate, TypeSerializer<Object> serializer) {
      this.index = index;
      this.reader = new StreamInputReader<>(gate, serializer);
      this.channels = new WatermarkValve(gate.numberOfChannels(), this);
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
      channels.inputWatermark(channel, channelWatermark);
    }

    @Override
    public void onWatermarkStatus(int channel, boolean idle) {
      channels.inputWatermarkStatus(channel, idle);
    }

    @Override
    public void emitWatermark(long watermark) {
      taskValve.inputWatermark(index, watermark);
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
      taskValve.inputWatermarkStatus(index, idle);
    }

    @Override
    public void onEvent(int channel, byte[] payload) throws Exception {
      if (CheckpointBarrier.isBarrier(payload)) {
        aligner.onBarrier(index, channel, CheckpointBarrier.decode(payload));
      } else {
        throw new IllegalStateException(
            "unknown event type " + payload[0] + " on channel " + channel + " of input " + index);
      }
    }
  }
}
