package io.sluice.bench.micro;

import io.sluice.shuffle.local.LocalShuffleService;
import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.InputGateDescriptor;
import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ResultPartitionDescriptor;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Buffers handed from a producer to a consumer thread through one subpartition of Sluice's local
 * shuffle: each operation requests a 32 KiB buffer, writes a sequence number into it and emits it;
 * a {@link HandOffConsumer} thread polls, checks and recycles. Once the consumer lags by the whole
 * pool (10 buffers), {@code requestBuffer()} blocks, so the score is the hand-off rate of the pair,
 * wake-ups included. Sluice only: Flink's counterpart (a pipelined subpartition read by a local
 * input channel) needs a task environment to set up.
 */
@State(Scope.Thread)
public class SubpartitionHandOffBenchmark {
  static final String JOB = "micro-hand-off";

  private LocalShuffleService shuffle;
  private ResultPartitionWriter partition;
  private HandOffConsumer consumer;
  private int sequence;

  @Setup(Level.Iteration)
  public void setUp() {
    ShuffleSettings settings = ShuffleSettings.defaults();
    ResultPartitionId id = new ResultPartitionId(JOB, 1, 0);
    shuffle = new LocalShuffleService();
    partition =
        shuffle.createResultPartition(new ResultPartitionDescriptor(id, 1, "producer", settings));
    InputGate gate =
        shuffle.createInputGate(new InputGateDescriptor(JOB, List.of(id), 0, "consumer", settings));
    consumer = new HandOffConsumer(gate);
    sequence = 0;
    consumer.start();
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws InterruptedException {
    consumer.stop();
    shuffle.releaseJob(JOB);
  }

  @Benchmark
  public void sluiceEmitToConsumerThread() throws InterruptedException {
    NetworkBuffer buffer = partition.requestBuffer();
    SequenceNumbers.write(buffer, sequence++);
    partition.emit(0, buffer);
  }

  /** For the tests: the consumer, to read what it received after {@link #tearDown()}. */
  HandOffConsumer consumer() {
    return consumer;
  }
}
