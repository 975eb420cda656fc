package io.sluice.shuffle.local;

import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.InputGateDescriptor;
import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ResultPartitionDescriptor;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Small builders and payload helpers shared by the local shuffle tests. */
final class Shuffles {

  static final String JOB = "job-1";

  private Shuffles() {}

  static ResultPartitionId partitionId(String job, int producerSubtask) {
    return new ResultPartitionId(job, 1, producerSubtask);
  }

  static ResultPartitionWriter partition(
      ShuffleService shuffle, String job, int producer, int subpartitions, ShuffleSettings s) {
    return shuffle.createResultPartition(
        new ResultPartitionDescriptor(
            partitionId(job, producer), subpartitions, "source (" + (producer + 1) + "/n)", s));
  }

  static InputGate gate(
      ShuffleService shuffle, String job, int consumer, List<ResultPartitionId> reads) {
    return shuffle.createInputGate(
        new InputGateDescriptor(
            job, reads, consumer, "sink (" + (consumer + 1) + "/n)", ShuffleSettings.defaults()));
  }

  /** Requests a buffer, writes {@code value} as its only content and emits it. */
  static void emitLong(ResultPartitionWriter writer, int subpartition, long value)
      throws InterruptedException {
    NetworkBuffer buffer = writer.requestBuffer();
    ByteBuffer.wrap(buffer.array()).putLong(0, value);
    buffer.setSize(Long.BYTES);
    writer.emit(subpartition, buffer);
  }

  /** Reads the long written by {@link #emitLong}. */
  static long readLong(NetworkBuffer buffer) {
    return ByteBuffer.wrap(buffer.array()).getLong(0);
  }

  /**
   * Polls {@code gate} like a task thread does: when nothing is available it waits for the
   * availability listener (bounded), never by spinning or sleeping. Returns null once finished.
   */
  static final class BlockingReader {
    private final InputGate gate;
    private final Semaphore available = new Semaphore(0);

    BlockingReader(InputGate gate) {
      this.gate = gate;
      gate.setAvailabilityListener(available::release);
    }

    NetworkBuffer next() throws InterruptedException {
      while (true) {
        NetworkBuffer buffer = gate.pollNext();
        if (buffer != null) {
          return buffer;
        }
        if (gate.isFinished()) {
          return null;
        }
        if (!available.tryAcquire(Conditions.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          throw new AssertionError("no data and no availability notification from " + gate);
        }
      }
    }
  }
}
