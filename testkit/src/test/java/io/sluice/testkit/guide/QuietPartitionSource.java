package io.sluice.testkit.guide;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.testkit.guide.UserGuideExamplesTest.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two partitions, like a topic with a busy and a quiet partition: subtask 0 emits its readings,
 * subtask 1 none; both then wait until the test calls {@link #release}, and end. Lets the idleness
 * example show event time advancing while one input is quiet, without timing assumptions. The
 * release gates live in a static map by test id, since the test and the job share the JVM.
 */
final class QuietPartitionSource implements Source<Reading, QuietPartitionSource.NoSplit, Void> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, CompletableFuture<Void>> RELEASED = new ConcurrentHashMap<>();

  /** The readers know their data by subtask index, so there are no splits. */
  record NoSplit() implements SourceSplit {
    @Override
    public String splitId() {
      return "none";
    }
  }

  private final String testId;
  private final ArrayList<Reading> busyPartition;

  QuietPartitionSource(String testId, List<Reading> busyPartition) {
    this.testId = testId;
    this.busyPartition = new ArrayList<>(busyPartition);
  }

  /** Lets both partitions of test {@code testId} end. */
  static void release(String testId) {
    gate(testId).complete(null);
    RELEASED.remove(testId);
  }

  private static CompletableFuture<Void> gate(String testId) {
    return RELEASED.computeIfAbsent(testId, id -> new CompletableFuture<>());
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<NoSplit, Void> createEnumerator(SplitEnumeratorContext<NoSplit> context) {
    return new SplitEnumerator<>() {
      @Override
      public void start() {}

      @Override
      public void handleSplitRequest(int subtaskId) {
        context.signalNoMoreSplits(subtaskId);
      }

      @Override
      public void addSplitsBack(List<NoSplit> splits, int subtaskId) {}

      @Override
      public void addReader(int subtaskId) {}

      @Override
      public Void snapshotState(long checkpointId) {
        return null;
      }
    };
  }

  @Override
  public SourceReader<Reading, NoSplit> createReader(SourceReaderContext context) {
    List<Reading> readings = context.getIndexOfSubtask() == 0 ? busyPartition : List.of();
    CompletableFuture<Void> released = gate(testId);
    return new SourceReader<>() {
      private int position;

      @Override
      public void start() {}

      @Override
      public InputStatus pollNext(ReaderOutput<Reading> output) {
        if (position < readings.size()) {
          output.collect(readings.get(position++));
          return InputStatus.MORE_AVAILABLE;
        }
        return released.isDone() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
      }

      @Override
      public CompletableFuture<Void> isAvailable() {
        return position < readings.size() ? CompletableFuture.completedFuture(null) : released;
      }

      @Override
      public void addSplits(List<NoSplit> splits) {}

      @Override
      public void notifyNoMoreSplits() {}

      @Override
      public List<NoSplit> snapshotState(long checkpointId) {
        return List.of();
      }
    };
  }
}
