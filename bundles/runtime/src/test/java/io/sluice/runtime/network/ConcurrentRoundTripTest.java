package io.sluice.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.network.TestSerializers.LongSerializer;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Producer and consumer task threads on the real local shuffle with its default buffers. */
class ConcurrentRoundTripTest {

  private static final int PRODUCERS = 2;
  private static final int CONSUMERS = 2;
  private static final long RECORDS_PER_PRODUCER = 1_000_000;

  @Test
  void twoProducersTwoConsumersDeliverEveryRecordOnceAndInOrderPerChannel() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
    try (LocalPipe pipe = new LocalPipe(PRODUCERS, CONSUMERS, ShuffleSettings.defaults())) {
      List<Future<long[][]>> consumers = new ArrayList<>();
      for (int c = 0; c < CONSUMERS; c++) {
        StreamInputReader<Long> reader = pipe.reader(c, new LongSerializer());
        Semaphore available = new Semaphore(0);
        pipe.gates.get(c).setAvailabilityListener(available::release);
        consumers.add(threads.submit(() -> consume(reader, available)));
      }
      List<Future<?>> producers = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        RecordWriter<Long> writer =
            pipe.writer(p, new RebalanceSelector<>(p), new LongSerializer(), false);
        long producer = p;
        producers.add(
            threads.submit(
                () -> {
                  for (long seq = 0; seq < RECORDS_PER_PRODUCER; seq++) {
                    writer.emit(producer << 40 | seq, seq);
                    if (seq % 10_000 == 9_999) {
                      writer.broadcastWatermark(seq);
                    }
                  }
                  writer.finish();
                  return null;
                }));
      }
      for (Future<?> producer : producers) {
        producer.get(2, TimeUnit.MINUTES);
      }
      long total = 0;
      for (int c = 0; c < CONSUMERS; c++) {
        long[][] perChannel = consumers.get(c).get(2, TimeUnit.MINUTES);
        for (int p = 0; p < PRODUCERS; p++) {
          assertThat(perChannel[p][0]).as("records from %d at %d", p, c).isEqualTo(500_000);
          assertThat(perChannel[p][1]).as("watermarks from %d at %d", p, c).isEqualTo(100);
          total += perChannel[p][0];
        }
      }
      assertThat(total).isEqualTo(PRODUCERS * RECORDS_PER_PRODUCER);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Returns, per channel, {records, watermarks}; checks order as it goes. */
  private static long[][] consume(StreamInputReader<Long> reader, Semaphore available)
      throws Exception {
    long[][] counts = new long[PRODUCERS][2];
    long[] lastSeq = new long[PRODUCERS];
    long[] lastWatermark = new long[PRODUCERS];
    Arrays.fill(lastSeq, -1);
    Arrays.fill(lastWatermark, Long.MIN_VALUE);
    ElementHandler<Long> handler =
        new ElementHandler<>() {
          @Override
          public void onRecord(Long value, long timestamp) {
            int producer = (int) (value >>> 40);
            long seq = value & ((1L << 40) - 1);
            if (seq <= lastSeq[producer] || timestamp != seq) {
              throw new AssertionError(
                  "out of order from " + producer + ": " + seq + " after " + lastSeq[producer]);
            }
            lastSeq[producer] = seq;
            counts[producer][0]++;
          }

          @Override
          public void onWatermark(int channel, long watermark) {
            if (watermark <= lastWatermark[channel] || watermark > lastSeq[channel] + 1) {
              throw new AssertionError("watermark " + watermark + " out of place on " + channel);
            }
            lastWatermark[channel] = watermark;
            counts[channel][1]++;
          }

          @Override
          public void onWatermarkStatus(int channel, boolean idle) {
            throw new AssertionError("no producer sends watermark status, yet " + channel + " did");
          }

          @Override
          public void onEvent(int channel, byte[] payload) {
            throw new AssertionError("no events were sent");
          }
        };
    while (true) {
      switch (reader.pollNext(handler)) {
        case MORE_AVAILABLE -> {}
        case END_OF_INPUT -> {
          return counts;
        }
        case NOTHING_AVAILABLE -> {
          if (!available.tryAcquire(1, TimeUnit.MINUTES)) {
            throw new AssertionError("no availability notification within a minute");
          }
        }
      }
    }
  }
}
