package io.sluice.shuffle.local;

import static io.sluice.shuffle.local.Conditions.awaitBlocked;
import static io.sluice.shuffle.local.Shuffles.JOB;
import static io.sluice.shuffle.local.Shuffles.partition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ShuffleException;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalResultPartitionTest {

  private final LocalShuffleService shuffle = new LocalShuffleService();
  private final List<Thread> threads = new ArrayList<>();

  @AfterEach
  void releaseEverything() throws InterruptedException {
    shuffle.releaseJob(JOB);
    for (Thread thread : threads) {
      thread.join(Conditions.TIMEOUT.toMillis());
    }
  }

  private LocalResultPartition newPartition(int subpartitions, ShuffleSettings settings) {
    return (LocalResultPartition) partition(shuffle, JOB, 0, subpartitions, settings);
  }

  private List<NetworkBuffer> drainPool(LocalResultPartition partition)
      throws InterruptedException {
    List<NetworkBuffer> taken = new ArrayList<>();
    while (partition.availableBuffers() > 0) {
      taken.add(partition.requestBuffer());
    }
    return taken;
  }

  /** Requests one buffer on a new thread; the future completes with it or with the failure. */
  private Thread requestOnThread(
      LocalResultPartition partition, CompletableFuture<NetworkBuffer> result) {
    Thread producer =
        new Thread(
            () -> {
              try {
                result.complete(partition.requestBuffer());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            "producer");
    threads.add(producer);
    producer.start();
    return producer;
  }

  @Test
  void poolHoldsBuffersPerChannelTimesSubpartitionsPlusFloatingBuffers() {
    LocalResultPartition partition = newPartition(3, new ShuffleSettings(1024, 2, 5));

    assertThat(partition.poolSize()).isEqualTo(2 * 3 + 5);
    assertThat(partition.availableBuffers()).isEqualTo(11);
  }

  @Test
  void buffersHaveTheConfiguredSizeAndStartEmpty() throws InterruptedException {
    LocalResultPartition partition = newPartition(1, new ShuffleSettings(4096, 1, 0));

    NetworkBuffer buffer = partition.requestBuffer();

    assertThat(buffer.capacity()).isEqualTo(4096);
    assertThat(buffer.array()).hasSize(4096);
    assertThat(buffer.size()).isZero();
    assertThat(buffer.kind()).isEqualTo(NetworkBuffer.Kind.DATA);
    assertThatThrownBy(() -> buffer.setSize(4097)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void defaultBuffersAre32KiB() throws InterruptedException {
    LocalResultPartition partition = newPartition(1, ShuffleSettings.defaults());

    assertThat(partition.requestBuffer().capacity()).isEqualTo(32 * 1024);
  }

  @Test
  void fullPoolBlocksProducerUntilConsumerRecycles() throws Exception {
    LocalResultPartition partition = newPartition(1, new ShuffleSettings(64, 2, 1));
    List<NetworkBuffer> taken = drainPool(partition);
    assertThat(taken).hasSize(3);

    CompletableFuture<NetworkBuffer> blocked = new CompletableFuture<>();
    Thread producer = requestOnThread(partition, blocked);
    awaitBlocked(producer);
    assertThat(blocked).isNotDone();

    NetworkBuffer returned = taken.get(1);
    byte[] segment = returned.array();
    returned.recycle();

    NetworkBuffer unblocked = blocked.get(Conditions.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(unblocked.array()).isSameAs(segment);
  }

  @Test
  void recyclingTwiceReturnsTheBufferOnce() throws InterruptedException {
    LocalResultPartition partition = newPartition(1, new ShuffleSettings(64, 1, 1));
    NetworkBuffer first = partition.requestBuffer();
    NetworkBuffer second = partition.requestBuffer();
    assertThat(partition.availableBuffers()).isZero();

    first.recycle();
    first.recycle();

    assertThat(partition.availableBuffers()).isEqualTo(1);
    NetworkBuffer reused = partition.requestBuffer();
    assertThat(reused.array()).isSameAs(first.array());
    first.recycle(); // a stale lease must not hand the segment out a second time
    assertThat(partition.availableBuffers()).isZero();
    second.recycle();
    reused.recycle();
    assertThat(partition.availableBuffers()).isEqualTo(2);
  }

  @Test
  void pooledSegmentsAreReusedNeverReallocated() throws InterruptedException {
    LocalResultPartition partition = newPartition(1, new ShuffleSettings(64, 1, 1));
    Set<byte[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    for (int i = 0; i < 100; i++) {
      NetworkBuffer a = partition.requestBuffer();
      NetworkBuffer b = partition.requestBuffer();
      seen.add(a.array());
      seen.add(b.array());
      a.recycle();
      b.recycle();
    }

    assertThat(seen).hasSize(partition.poolSize());
  }

  @Test
  void releaseWakesBlockedProducerWithClearException() {
    LocalResultPartition partition = newPartition(1, new ShuffleSettings(64, 1, 0));
    CompletableFuture<NetworkBuffer> blocked = new CompletableFuture<>();
    AtomicReference<NetworkBuffer> held = new AtomicReference<>();
    try {
      held.set(partition.requestBuffer());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    Thread producer = requestOnThread(partition, blocked);
    awaitBlocked(producer);

    partition.release();

    assertThat(blocked)
        .failsWithin(Conditions.TIMEOUT)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(ShuffleException.class)
        .withMessageContaining(Shuffles.partitionId(JOB, 0).toString())
        .withMessageContaining("released");
    assertThat(partition.availableBuffers()).isZero();
    held.get().recycle(); // recycling into a released pool is a harmless no-op
    assertThat(partition.availableBuffers()).isZero();
  }

  @Test
  void interruptingBlockedProducerStopsTheWait() {
    LocalResultPartition partition = newPartition(1, new ShuffleSettings(64, 1, 0));
    CompletableFuture<NetworkBuffer> blocked = new CompletableFuture<>();
    try {
      partition.requestBuffer();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    Thread producer = requestOnThread(partition, blocked);
    awaitBlocked(producer);

    producer.interrupt();

    assertThat(blocked)
        .failsWithin(Conditions.TIMEOUT)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(InterruptedException.class);
  }

  @Test
  void emitRejectsForeignRecycledAndLateBuffers() throws InterruptedException {
    LocalResultPartition partition = newPartition(2, new ShuffleSettings(64, 2, 0));
    LocalResultPartition other =
        (LocalResultPartition) partition(shuffle, JOB, 1, 1, new ShuffleSettings(64, 1, 0));

    NetworkBuffer foreign = other.requestBuffer();
    assertThatThrownBy(() -> partition.emit(0, foreign))
        .isInstanceOf(IllegalArgumentException.class);

    NetworkBuffer recycled = partition.requestBuffer();
    recycled.recycle();
    assertThatThrownBy(() -> partition.emit(0, recycled)).isInstanceOf(IllegalStateException.class);

    partition.finish();
    NetworkBuffer late = partition.requestBuffer();
    int before = partition.availableBuffers();
    assertThatThrownBy(() -> partition.emit(1, late))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("finished");
    assertThat(partition.availableBuffers()).isEqualTo(before + 1);
  }

  @Test
  void secondPartitionWithTheSameIdIsRejected() {
    newPartition(1, ShuffleSettings.defaults());

    assertThatThrownBy(() -> newPartition(1, ShuffleSettings.defaults()))
        .isInstanceOf(ShuffleException.class)
        .hasMessageContaining("already exists");
  }
}
