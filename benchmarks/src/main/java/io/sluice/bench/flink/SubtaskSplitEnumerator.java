package io.sluice.bench.flink;

import io.sluice.bench.common.StridedRange;
import java.util.BitSet;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Gives subtask {@code i} the split of subtask {@code i} on its first request and tells it there
 * are no more on the next, as the Sluice side does. Runs on Flink's coordinator thread only.
 */
final class SubtaskSplitEnumerator implements SplitEnumerator<GeneratorSplit, Void> {
  private final SplitEnumeratorContext<GeneratorSplit> context;
  private final long records;
  private final BitSet assigned = new BitSet();

  SubtaskSplitEnumerator(SplitEnumeratorContext<GeneratorSplit> context, long records) {
    this.context = context;
    this.records = records;
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    if (assigned.get(subtaskId)) {
      context.signalNoMoreSplits(subtaskId);
      return;
    }
    assigned.set(subtaskId);
    context.assignSplit(
        new GeneratorSplit(
            StridedRange.forSubtask(subtaskId, context.currentParallelism(), records)),
        subtaskId);
  }

  @Override
  public void addSplitsBack(List<GeneratorSplit> splits, int subtaskId) {
    assigned.clear(subtaskId);
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public Void snapshotState(long checkpointId) {
    return null;
  }

  @Override
  public void close() {}
}
