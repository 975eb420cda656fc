package io.sluice.shuffle.local;

import static io.sluice.shuffle.local.Shuffles.gate;
import static io.sluice.shuffle.local.Shuffles.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalShuffleStressTest {

  private static final int PRODUCERS = 4;
  private static final int CONSUMERS = 4;
  private static final int PAYLOADS = 1_000_000;
  private static final int PER_CHANNEL = PAYLOADS / (PRODUCERS * CONSUMERS);

  /** One payload per buffer: a million hand-overs through pools of 10 buffers. */
  private static final int PAYLOADS_PER_BUFFER = 1;

  @Test
  void fourProducersFourConsumersDeliverEverySequenceNumberOnceAndInOrder() throws Exception {
    LocalShuffleService shuffle = new LocalShuffleService();
    ShuffleSettings settings = new ShuffleSettings(64, 2, 2); // a tiny pool: constant backpressure
    List<ResultPartitionWriter> writers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      writers.add(partition(shuffle, "stress", p, CONSUMERS, settings));
    }
    List<ResultPartitionId> ids = writers.stream().map(ResultPartitionWriter::id).toList();
    List<Shuffles.BlockingReader> readers = new ArrayList<>();
    for (int c = 0; c < CONSUMERS; c++) {
      readers.add(new Shuffles.BlockingReader(gate(shuffle, "stress", c, ids)));
    }

    ExecutorService threads = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
    try {
      List<Future<long[]>> consumed = new ArrayList<>();
      for (int c = 0; c < CONSUMERS; c++) {
        consumed.add(threads.submit(consume(readers.get(c), c)));
      }
      List<Future<?>> produced = new ArrayList<>();
      for (ResultPartitionWriter writer : writers) {
        produced.add(threads.submit(produce(writer)));
      }
      for (Future<?> producer : produced) {
        producer.get(2, TimeUnit.MINUTES);
      }
      long total = 0;
      for (Future<long[]> consumer : consumed) {
        long[] perChannel = consumer.get(2, TimeUnit.MINUTES);
        assertThat(perChannel).containsOnly(PER_CHANNEL);
        for (long count : perChannel) {
          total += count;
        }
      }
      assertThat(total).isEqualTo(PAYLOADS);
    } finally {
      threads.shutdownNow();
      shuffle.releaseJob("stress");
    }
  }

  /** Writes sequence numbers 0..PER_CHANNEL-1 to every subpartition, interleaved. */
  private static Callable<Void> produce(ResultPartitionWriter writer) {
    return () -> {
      for (int seq = 0; seq < PER_CHANNEL; seq += PAYLOADS_PER_BUFFER) {
        for (int sub = 0; sub < CONSUMERS; sub++) {
          NetworkBuffer buffer = writer.requestBuffer();
          ByteBuffer bytes = ByteBuffer.wrap(buffer.array());
          int count = Math.min(PAYLOADS_PER_BUFFER, PER_CHANNEL - seq);
          for (int i = 0; i < count; i++) {
            bytes.putLong(i * Long.BYTES, seq + i);
          }
          buffer.setSize(count * Long.BYTES);
          writer.emit(sub, buffer);
        }
      }
      writer.finish();
      return null;
    };
  }

  /** Checks that each channel's sequence numbers arrive gapless and in order; returns counts. */
  private static Callable<long[]> consume(Shuffles.BlockingReader reader, int consumer) {
    return () -> {
      long[] next = new long[PRODUCERS];
      NetworkBuffer buffer;
      while ((buffer = reader.next()) != null) {
        int channel = buffer.channelIndex();
        ByteBuffer bytes = ByteBuffer.wrap(buffer.array());
        for (int offset = 0; offset < buffer.size(); offset += Long.BYTES) {
          long seq = bytes.getLong(offset);
          if (seq != next[channel]) {
            throw new AssertionError(
                "consumer "
                    + consumer
                    + " channel "
                    + channel
                    + " expected "
                    + next[channel]
                    + " got "
                    + seq);
          }
          next[channel]++;
        }
        buffer.recycle();
      }
      return next;
    };
  }
}
