package io.sluice.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.checkpoint.CheckpointBarrier;
import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.state.SnapshotKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarrierAlignerTest {
  private final List<Long> taken = new ArrayList<>();
  private final BlockableInputGate first = new BlockableInputGate(new IdleGate(2));
  private final BlockableInputGate second = new BlockableInputGate(new IdleGate(1));
  private final BarrierAligner aligner =
      new BarrierAligner(List.of(first, second), true, b -> taken.add(b.checkpointId()));

  private static CheckpointBarrier barrier(long id) {
    return new CheckpointBarrier(id, 0, SnapshotKind.CHECKPOINT, false);
  }

  @Test
  void snapshotIsTakenOnceTheBarrierArrivedOnEveryChannelOfEveryInput() throws Exception {
    aligner.onBarrier(0, 0, barrier(1));
    aligner.onBarrier(0, 1, barrier(1));
    assertThat(taken).isEmpty();
    aligner.onBarrier(1, 0, barrier(1));
    assertThat(taken).containsExactly(1L);
  }

  @Test
  void aNewerBarrierAbandonsAnUnfinishedAlignment() throws Exception {
    aligner.onBarrier(0, 0, barrier(1));
    aligner.onBarrier(0, 0, barrier(2));
    aligner.onBarrier(0, 1, barrier(2));
    aligner.onBarrier(1, 0, barrier(2));
    aligner.onBarrier(0, 1, barrier(1)); // late: ignored
    assertThat(taken).containsExactly(2L);
  }

  @Test
  void anAbortReleasesTheAlignmentAndLaterBarriersOfThatCheckpointAreIgnored() throws Exception {
    aligner.onBarrier(0, 0, barrier(3));
    aligner.abort(3);
    aligner.onBarrier(0, 1, barrier(3));
    aligner.onBarrier(1, 0, barrier(3));
    assertThat(taken).isEmpty();
  }

  @Test
  void anAbortBeforeAnyBarrierArrivedStillMakesThatCheckpointsBarriersIgnored() throws Exception {
    // The checkpoint was aborted (a producer had finished) before the running producer's barrier
    // got here: aligning for it would wait forever for the finished producer's channel.
    aligner.abort(4);
    aligner.onBarrier(0, 0, barrier(4));
    aligner.onBarrier(0, 1, barrier(5));
    aligner.onBarrier(0, 0, barrier(5));
    aligner.onBarrier(1, 0, barrier(5));
    assertThat(taken).containsExactly(5L);
  }

  /** A gate with channels that never deliver anything (the aligner only counts barriers). */
  private record IdleGate(int channels) implements InputGate {
    @Override
    public int numberOfChannels() {
      return channels;
    }

    @Override
    public NetworkBuffer pollNext() {
      return null;
    }

    @Override
    public void setAvailabilityListener(Runnable listener) {}

    @Override
    public boolean isFinished() {
      return false;
    }

    @Override
    public boolean isChannelFinished(int channel) {
      return false;
    }

    @Override
    public void close() {}
  }
}
