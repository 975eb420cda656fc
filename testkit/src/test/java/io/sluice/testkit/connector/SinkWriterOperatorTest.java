package io.sluice.testkit.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.checkpoint.CheckpointListener;
import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.CommittingSinkWriter;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.StatefulSinkWriter;
import io.sluice.api.connector.sink.SupportsCommitter;
import io.sluice.api.connector.sink.SupportsWriterState;
import io.sluice.api.operators.SinkWriterOperator;
import io.sluice.testkit.harness.OneInputOperatorHarness;
import io.sluice.testkit.harness.OperatorSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkWriterOperatorTest {

  /**
   * A two-phase sink whose committables are the batches written since the last checkpoint ("a+b")
   * and whose writer state is the number of elements written so far. Records what is committed and
   * what a restored writer got.
   */
  static final class BatchSink
      implements Sink<String>, SupportsCommitter<String>, SupportsWriterState<String, Integer> {
    final List<String> committed = new ArrayList<>();
    final List<List<Integer>> restoredWith = new ArrayList<>();

    @Override
    public BatchWriter createWriter(InitContext context) {
      return new BatchWriter(0);
    }

    @Override
    public StatefulSinkWriter<String, Integer> restoreWriter(
        InitContext context, Collection<Integer> recoveredState) {
      restoredWith.add(List.copyOf(recoveredState));
      return new BatchWriter(recoveredState.stream().mapToInt(Integer::intValue).sum());
    }

    @Override
    public Committer<String> createCommitter() {
      return committed::addAll;
    }
  }

  static final class BatchWriter
      implements CommittingSinkWriter<String, String>, StatefulSinkWriter<String, Integer> {
    private final List<String> batch = new ArrayList<>();
    private int written;

    BatchWriter(int written) {
      this.written = written;
    }

    @Override
    public void write(String element, Context context) {
      batch.add(element);
      written++;
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public Collection<String> prepareCommit() {
      if (batch.isEmpty()) {
        return List.of();
      }
      String committable = String.join("+", batch);
      batch.clear();
      return List.of(committable);
    }

    @Override
    public List<Integer> snapshotState(long checkpointId) {
      return List.of(written);
    }

    @Override
    public void close() {}
  }

  private static OneInputOperatorHarness<String, Void> opened(BatchSink sink) throws Exception {
    var harness = new OneInputOperatorHarness<>(new SinkWriterOperator<>(sink));
    harness.open();
    return harness;
  }

  private static void write(OneInputOperatorHarness<String, Void> harness, String... elements)
      throws Exception {
    for (String element : elements) {
      harness.processElement(element);
    }
  }

  @Test
  void withoutCheckpointsEverythingIsCommittedAtTheEnd() throws Exception {
    BatchSink sink = new BatchSink();
    try (var harness = opened(sink)) {
      write(harness, "a", "b", "c");
      assertThat(sink.committed).isEmpty();
      harness.finish();
    }
    assertThat(sink.committed).containsExactly("a+b+c");
  }

  @Test
  void committablesWaitForTheirCheckpointAndACompletionCommitsAllEarlierOnes() throws Exception {
    BatchSink sink = new BatchSink();
    try (var harness = opened(sink)) {
      write(harness, "a");
      harness.snapshot(1);
      write(harness, "b", "c");
      harness.snapshot(2);
      write(harness, "d");
      harness.snapshot(3);
      assertThat(sink.committed).isEmpty();

      harness.notifyOfCompletedCheckpoint(2); // 1's notification was skipped
      assertThat(sink.committed).containsExactly("a", "b+c");
      harness.notifyOfCompletedCheckpoint(2); // again: nothing new
      harness.snapshot(4); // no element since 3: no committable
      harness.notifyOfCompletedCheckpoint(4);
      write(harness, "e");
      harness.finish();
    }
    assertThat(sink.committed).containsExactly("a", "b+c", "d", "e");
  }

  @Test
  void withCheckpointingTheLastCommittablesWaitForTheFinalNotification() throws Exception {
    BatchSink sink = new BatchSink();
    try (var harness = new OneInputOperatorHarness<>(new SinkWriterOperator<>(sink))) {
      harness.enableCheckpointing();
      harness.open();
      write(harness, "a");
      harness.snapshot(1);
      write(harness, "b");
      harness.finish();
      assertThat(sink.committed).isEmpty();
      harness.notifyOfCompletedCheckpoint(CheckpointListener.END_OF_INPUT_CHECKPOINT_ID);
    }
    assertThat(sink.committed).containsExactly("a", "b");
  }

  @Test
  void anAbortedCheckpointsCommittablesAreCommittedWithTheNextCompletedOne() throws Exception {
    BatchSink sink = new BatchSink();
    try (var harness = opened(sink)) {
      write(harness, "a");
      harness.snapshot(1);
      harness.notifyOfAbortedCheckpoint(1);
      write(harness, "b");
      harness.snapshot(2);
      harness.notifyOfCompletedCheckpoint(2);
      assertThat(sink.committed).containsExactly("a", "b");
    }
  }

  @Test
  void aCheckpointKeepsTheUncommittedCommittablesAndTheWriterState() throws Exception {
    BatchSink sink = new BatchSink();
    OperatorSnapshot third;
    try (var harness = opened(sink)) {
      write(harness, "a");
      harness.snapshot(1);
      harness.notifyOfCompletedCheckpoint(1);
      write(harness, "b");
      harness.snapshot(2);
      write(harness, "c", "d");
      third = harness.snapshot(3);
    }
    assertThat(third.operatorState().size("sink-committables")).isEqualTo(2); // "b" and "c+d"
    assertThat(third.operatorState().size("sink-writer-state")).isEqualTo(1);
    assertThat(third.operatorState().isUnion("sink-committables")).isTrue();
    assertThat(third.operatorState().isUnion("sink-writer-state")).isFalse();
  }

  @Test
  void aRestoreCommitsTheCheckpointsCommittablesAgainAndRestoresTheWriter() throws Exception {
    BatchSink before = new BatchSink();
    OperatorSnapshot checkpoint;
    var crashed = opened(before);
    write(crashed, "a");
    crashed.snapshot(1);
    crashed.notifyOfCompletedCheckpoint(1);
    write(crashed, "b");
    checkpoint = crashed.snapshot(2);
    write(crashed, "lost");
    // crash: checkpoint 2 completed, but its notification never arrived; the harness is dropped
    assertThat(before.committed).containsExactly("a");

    BatchSink after = new BatchSink();
    try (var restored = new OneInputOperatorHarness<>(new SinkWriterOperator<>(after))) {
      restored.initializeState(checkpoint);
      restored.open();
      assertThat(after.committed).containsExactly("b");
      assertThat(after.restoredWith).containsExactly(List.of(2));
      write(restored, "c");
      OperatorSnapshot next = restored.snapshot(3);
      // the restored committables were committed, so they are not kept again
      assertThat(next.operatorState().size("sink-committables")).isEqualTo(1);
      restored.notifyOfCompletedCheckpoint(3);
    }
    assertThat(after.committed).containsExactly("b", "c");
  }

  @Test
  void aCommittingSinkWithAWriterThatCannotCommitFailsClearly() {
    Sink<String> broken =
        new BrokenSink(); // supports a committer, but its writer is a plain SinkWriter
    var harness = new OneInputOperatorHarness<>(new SinkWriterOperator<>(broken));
    assertThatThrownBy(harness::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("so its writers must be CommittingSinkWriters");
  }

  static final class BrokenSink implements Sink<String>, SupportsCommitter<String> {
    @Override
    public SinkWriter<String> createWriter(InitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(String element, Context context) {}

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }

    @Override
    public Committer<String> createCommitter() {
      return committables -> {};
    }
  }
}
