package io.sluice.shuffle.local;

import static io.sluice.shuffle.local.Shuffles.JOB;
import static io.sluice.shuffle.local.Shuffles.emitLong;
import static io.sluice.shuffle.local.Shuffles.gate;
import static io.sluice.shuffle.local.Shuffles.partition;
import static io.sluice.shuffle.local.Shuffles.partitionId;
import static io.sluice.shuffle.local.Shuffles.readLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleException;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalInputGateTest {

  private static final ShuffleSettings SMALL = new ShuffleSettings(64, 2, 2);

  private final LocalShuffleService shuffle = new LocalShuffleService();

  @AfterEach
  void release() {
    shuffle.releaseJob(JOB);
  }

  private List<ResultPartitionWriter> producers(int count, int subpartitions) {
    List<ResultPartitionWriter> writers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      writers.add(partition(shuffle, JOB, i, subpartitions, SMALL));
    }
    return writers;
  }

  private static List<ResultPartitionId> ids(List<ResultPartitionWriter> writers) {
    return writers.stream().map(ResultPartitionWriter::id).toList();
  }

  /** Polls one buffer, returns its long payload and recycles it. */
  private static long pollLong(InputGate gate, int expectedChannel) {
    NetworkBuffer buffer = gate.pollNext();
    assertThat(buffer).as("a buffer is available").isNotNull();
    assertThat(buffer.channelIndex()).isEqualTo(expectedChannel);
    long value = readLong(buffer);
    buffer.recycle();
    return value;
  }

  @Test
  void buffersOfOneChannelArriveInEmitOrder() throws InterruptedException {
    ResultPartitionWriter writer = partition(shuffle, JOB, 0, 1, new ShuffleSettings(64, 50, 0));
    InputGate gate = gate(shuffle, JOB, 0, List.of(writer.id()));

    for (long i = 0; i < 50; i++) {
      emitLong(writer, 0, i * 7);
    }

    for (long i = 0; i < 50; i++) {
      assertThat(pollLong(gate, 0)).isEqualTo(i * 7);
    }
    assertThat(gate.pollNext()).isNull();
  }

  @Test
  void channelIReadsSubpartitionOfTheGateFromPartitionI() throws InterruptedException {
    List<ResultPartitionWriter> writers = producers(3, 2);
    InputGate second = gate(shuffle, JOB, 1, ids(writers));

    emitLong(writers.get(2), 0, 200); // subpartition 0 belongs to another consumer
    emitLong(writers.get(2), 1, 21);
    emitLong(writers.get(0), 1, 1);

    assertThat(second.numberOfChannels()).isEqualTo(3);
    assertThat(pollLong(second, 2)).isEqualTo(21);
    assertThat(pollLong(second, 0)).isEqualTo(1);
    assertThat(second.pollNext()).isNull();
  }

  @Test
  void multipleProducersFeedOneGateEachInItsOwnOrder() throws Exception {
    int producers = 3;
    int perProducer = 2_000;
    List<ResultPartitionWriter> writers = producers(producers, 1);
    Shuffles.BlockingReader reader =
        new Shuffles.BlockingReader(gate(shuffle, JOB, 0, ids(writers)));
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (ResultPartitionWriter writer : writers) {
      running.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (long i = 0; i < perProducer; i++) {
                    emitLong(writer, 0, i);
                  }
                  writer.finish();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              }));
    }

    long[] next = new long[producers];
    int received = 0;
    NetworkBuffer buffer;
    while ((buffer = reader.next()) != null) {
      int channel = buffer.channelIndex();
      assertThat(readLong(buffer)).isEqualTo(next[channel]);
      next[channel]++;
      received++;
      buffer.recycle();
    }

    assertThat(received).isEqualTo(producers * perProducer);
    assertThat(next).containsOnly(perProducer);
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
        .get(Conditions.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void endOfPartitionIsSeenOnlyAfterAllDataOfThatChannel() throws InterruptedException {
    List<ResultPartitionWriter> writers = producers(2, 1);
    InputGate gate = gate(shuffle, JOB, 0, ids(writers));

    emitLong(writers.get(0), 0, 10);
    emitLong(writers.get(0), 0, 11);
    writers.get(0).finish();

    assertThat(gate.isChannelFinished(0)).isFalse();
    assertThat(pollLong(gate, 0)).isEqualTo(10);
    assertThat(pollLong(gate, 0)).isEqualTo(11);
    assertThat(gate.pollNext()).isNull();
    assertThat(gate.isChannelFinished(0)).isTrue();
    assertThat(gate.isChannelFinished(1)).isFalse();
    assertThat(gate.isFinished()).isFalse();

    emitLong(writers.get(1), 0, 20);
    writers.get(1).finish();

    assertThat(gate.isFinished()).isFalse();
    assertThat(pollLong(gate, 1)).isEqualTo(20);
    assertThat(gate.pollNext()).isNull();
    assertThat(gate.isFinished()).isTrue();
  }

  @Test
  void finishingTwiceIsAnError() {
    ResultPartitionWriter writer = partition(shuffle, JOB, 0, 1, SMALL);
    writer.finish();

    assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void producerFailureReachesTheConsumerWithItsCause() throws InterruptedException {
    List<ResultPartitionWriter> writers = producers(2, 1);
    InputGate gate = gate(shuffle, JOB, 0, ids(writers));
    IOException cause = new IOException("disk on fire");
    emitLong(writers.get(1), 0, 1);

    writers.get(1).fail(cause);

    assertThatThrownBy(gate::pollNext)
        .isInstanceOf(ShuffleException.class)
        .hasCause(cause)
        .hasMessageContaining(partitionId(JOB, 1).toString())
        .hasMessageContaining("channel 1");
    assertThatThrownBy(gate::pollNext).isInstanceOf(ShuffleException.class).hasCause(cause);
  }

  @Test
  void failureWakesAWaitingConsumer() {
    ResultPartitionWriter writer = partition(shuffle, JOB, 0, 1, SMALL);
    InputGate gate = gate(shuffle, JOB, 0, List.of(writer.id()));
    AtomicInteger notifications = new AtomicInteger();
    gate.setAvailabilityListener(notifications::incrementAndGet);
    assertThat(gate.pollNext()).isNull();

    writer.fail(new IllegalStateException("boom"));

    assertThat(notifications).hasValue(1);
    assertThatThrownBy(gate::pollNext).hasRootCauseMessage("boom");
  }

  @Test
  void failureAfterTheConsumerReadEverythingIsIgnored() throws InterruptedException {
    ResultPartitionWriter writer = partition(shuffle, JOB, 0, 1, SMALL);
    InputGate gate = gate(shuffle, JOB, 0, List.of(writer.id()));
    emitLong(writer, 0, 5);
    writer.finish();
    assertThat(pollLong(gate, 0)).isEqualTo(5);
    assertThat(gate.pollNext()).isNull();

    writer.fail(new IllegalStateException("too late"));
    writer.release();

    assertThat(gate.pollNext()).isNull();
    assertThat(gate.isFinished()).isTrue();
  }

  @Test
  void releasingAnUnreadPartitionFailsItsConsumer() throws InterruptedException {
    ResultPartitionWriter writer = partition(shuffle, JOB, 0, 1, SMALL);
    InputGate gate = gate(shuffle, JOB, 0, List.of(writer.id()));
    emitLong(writer, 0, 5);
    writer.finish();

    writer.release();

    assertThatThrownBy(gate::pollNext)
        .isInstanceOf(ShuffleException.class)
        .hasMessageContaining("released before its consumer read all of it");
  }

  @Test
  void availabilityListenerRunsOncePerTransitionWhileTheConsumerWaits()
      throws InterruptedException {
    List<ResultPartitionWriter> writers = producers(2, 1);
    InputGate gate = gate(shuffle, JOB, 0, ids(writers));
    AtomicInteger notifications = new AtomicInteger();
    gate.setAvailabilityListener(notifications::incrementAndGet);
    assertThat(gate.pollNext()).isNull();

    emitLong(writers.get(0), 0, 1);
    emitLong(writers.get(0), 0, 2);
    emitLong(writers.get(1), 0, 3);
    assertThat(notifications).as("one wake-up for the first data").hasValue(1);

    pollLong(gate, 0);
    emitLong(writers.get(1), 0, 4);
    assertThat(notifications).as("no wake-up while the consumer is busy").hasValue(1);

    pollLong(gate, 1);
    pollLong(gate, 0);
    pollLong(gate, 1);
    assertThat(gate.pollNext()).isNull();
    writers.get(1).finish();
    assertThat(notifications).as("finishing wakes a waiting consumer").hasValue(2);
    assertThat(gate.pollNext()).isNull();
    assertThat(gate.isChannelFinished(1)).isTrue();
  }

  @Test
  void aListenerRegisteredAfterDataArrivedIsCalledAtOnce() throws InterruptedException {
    ResultPartitionWriter writer = partition(shuffle, JOB, 0, 1, SMALL);
    InputGate gate = gate(shuffle, JOB, 0, List.of(writer.id()));
    emitLong(writer, 0, 1);
    AtomicInteger notifications = new AtomicInteger();

    gate.setAvailabilityListener(notifications::incrementAndGet);

    assertThat(notifications).hasValue(1);
    assertThat(pollLong(gate, 0)).isEqualTo(1);
  }

  @Test
  void dataEmittedBeforeTheGateExistsIsDelivered() throws InterruptedException {
    ResultPartitionWriter writer = partition(shuffle, JOB, 0, 1, SMALL);
    emitLong(writer, 0, 42);
    writer.finish();

    InputGate gate = gate(shuffle, JOB, 0, List.of(writer.id()));

    assertThat(pollLong(gate, 0)).isEqualTo(42);
    assertThat(gate.pollNext()).isNull();
    assertThat(gate.isFinished()).isTrue();
  }

  @Test
  void unknownPartitionIsAClearError() {
    ResultPartitionWriter writer = partition(shuffle, JOB, 0, 1, SMALL);
    ResultPartitionId missing = partitionId(JOB, 7);

    assertThatThrownBy(() -> gate(shuffle, JOB, 0, List.of(writer.id(), missing)))
        .isInstanceOf(ShuffleException.class)
        .hasMessageContaining("unknown result partition " + missing)
        .hasMessageContaining("channel 1")
        .hasMessageContaining("sink (1/n)");
  }

  @Test
  void subpartitionOutOfRangeIsAClearError() {
    ResultPartitionWriter writer = partition(shuffle, JOB, 0, 2, SMALL);

    assertThatThrownBy(() -> gate(shuffle, JOB, 2, List.of(writer.id())))
        .isInstanceOf(ShuffleException.class)
        .hasMessageContaining("has only 2 subpartitions");
  }

  @Test
  void aSubpartitionHasExactlyOneConsumerAndAFailedGateBindsNothing() {
    List<ResultPartitionWriter> writers = producers(2, 1);
    gate(shuffle, JOB, 0, List.of(writers.get(0).id()));

    assertThatThrownBy(
            () -> gate(shuffle, JOB, 0, List.of(writers.get(1).id(), writers.get(0).id())))
        .isInstanceOf(ShuffleException.class)
        .hasMessageContaining("already read by the input gate of sink (1/n)");
    assertThat(gate(shuffle, JOB, 0, List.of(writers.get(1).id())).numberOfChannels())
        .as("the failed gate released partition 1 again")
        .isEqualTo(1);
  }

  @Test
  void closingTheGateRecyclesUnreadBuffersAndLaterOnes() throws InterruptedException {
    LocalResultPartition writer = (LocalResultPartition) partition(shuffle, JOB, 0, 1, SMALL);
    InputGate gate = gate(shuffle, JOB, 0, List.of(writer.id()));
    emitLong(writer, 0, 1);
    emitLong(writer, 0, 2);

    gate.close();

    assertThat(writer.availableBuffers()).isEqualTo(writer.poolSize());
    emitLong(writer, 0, 3);
    assertThat(writer.availableBuffers()).isEqualTo(writer.poolSize());
    assertThatThrownBy(gate::pollNext).isInstanceOf(ShuffleException.class);
  }
}
