package io.sluice.runtime.network;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.shuffle.local.LocalShuffleService;
import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.InputGateDescriptor;
import io.sluice.spi.shuffle.ResultPartitionDescriptor;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Producers and consumers wired all-to-all through the real local shuffle: partition {@code p} has
 * one subpartition per consumer; consumer {@code c}'s gate has one channel per producer.
 */
final class LocalPipe implements AutoCloseable {

  static final String JOB = "network-test";

  final LocalShuffleService shuffle = new LocalShuffleService();
  final List<ResultPartitionWriter> partitions = new ArrayList<>();
  final List<InputGate> gates = new ArrayList<>();

  LocalPipe(int producers, int consumers, ShuffleSettings settings) {
    for (int p = 0; p < producers; p++) {
      partitions.add(
          shuffle.createResultPartition(
              new ResultPartitionDescriptor(
                  new ResultPartitionId(JOB, 1, p), consumers, "producer (" + p + ")", settings)));
    }
    List<ResultPartitionId> ids = partitions.stream().map(ResultPartitionWriter::id).toList();
    for (int c = 0; c < consumers; c++) {
      gates.add(
          shuffle.createInputGate(
              new InputGateDescriptor(JOB, ids, c, "consumer (" + c + ")", settings)));
    }
  }

  <T> RecordWriter<T> writer(
      int producer, ChannelSelector<T> selector, TypeSerializer<T> serializer, boolean flush) {
    return new RecordWriter<>(partitions.get(producer), selector, serializer, flush);
  }

  <T> StreamInputReader<T> reader(int consumer, TypeSerializer<T> serializer) {
    return new StreamInputReader<>(gates.get(consumer), serializer);
  }

  /** Polls until the reader reports anything but MORE_AVAILABLE; returns that status. */
  static <T> InputStatus drain(StreamInputReader<T> reader, ElementHandler<T> handler)
      throws Exception {
    InputStatus status;
    do {
      status = reader.pollNext(handler);
    } while (status == InputStatus.MORE_AVAILABLE);
    return status;
  }

  @Override
  public void close() {
    shuffle.releaseJob(JOB);
  }
}
