package io.sluice.bench.micro;

import io.sluice.shuffle.local.LocalShuffleService;
import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ResultPartitionDescriptor;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.io.IOException;
import org.apache.flink.runtime.io.network.buffer.Buffer;
import org.apache.flink.runtime.io.network.buffer.BufferPool;
import org.apache.flink.runtime.io.network.buffer.NetworkBufferPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One request + recycle of a 32 KiB network buffer per operation, on one thread, so the pool never
 * runs dry: Sluice's local result partition (the pool of its producer side, 10 buffers with the
 * default settings) against Flink's {@code LocalBufferPool} of 10 buffers carved out of a {@code
 * NetworkBufferPool}.
 */
@State(Scope.Thread)
public class BufferPoolBenchmark {
  static final String JOB = "micro-buffer-pool";
  static final int BUFFER_SIZE = ShuffleSettings.DEFAULT_BUFFER_SIZE;

  private LocalShuffleService shuffle;
  private ResultPartitionWriter sluicePartition;
  private NetworkBufferPool flinkNetworkPool;
  private BufferPool flinkPool;

  @Setup
  public void setUp() throws IOException {
    ShuffleSettings settings = ShuffleSettings.defaults();
    shuffle = new LocalShuffleService();
    sluicePartition =
        shuffle.createResultPartition(
            new ResultPartitionDescriptor(
                new ResultPartitionId(JOB, 1, 0), 1, "BufferPoolBenchmark", settings));
    int poolSize = settings.buffersPerChannel() + settings.floatingBuffersPerGate();
    flinkNetworkPool = new NetworkBufferPool(poolSize, BUFFER_SIZE);
    flinkPool = flinkNetworkPool.createBufferPool(poolSize, poolSize);
  }

  @TearDown
  public void tearDown() {
    shuffle.releaseJob(JOB);
    flinkPool.lazyDestroy();
    flinkNetworkPool.destroyAllBufferPools();
    flinkNetworkPool.destroy();
  }

  /** Returns the buffer's capacity, so the work cannot be optimized away. */
  @Benchmark
  public int sluiceRequestRecycle() throws InterruptedException {
    NetworkBuffer buffer = sluicePartition.requestBuffer();
    int capacity = buffer.capacity();
    buffer.recycle();
    return capacity;
  }

  /** Returns the buffer's capacity, so the work cannot be optimized away. */
  @Benchmark
  public int flinkRequestRecycle() {
    Buffer buffer = flinkPool.requestBuffer();
    int capacity = buffer.getMaxCapacity();
    buffer.recycleBuffer();
    return capacity;
  }
}
