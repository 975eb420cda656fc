package io.sluice.bench.sluice;

import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.bench.common.StridedRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Gives subtask {@code i} the split of subtask {@code i} on its first request and tells it there
 * are no more on the next, so each subtask generates exactly its share (as on the Flink side). Runs
 * on the coordinator thread only.
 */
final class SubtaskSplitEnumerator
    implements SplitEnumerator<GeneratorSplit, List<GeneratorSplit>> {
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
  public void handleSplitRequest(int subtaskId) {
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
  public List<GeneratorSplit> snapshotState(long checkpointId) {
    List<GeneratorSplit> unassigned = new ArrayList<>();
    int parallelism = context.currentParallelism();
    for (int i = assigned.nextClearBit(0); i < parallelism; i = assigned.nextClearBit(i + 1)) {
      unassigned.add(new GeneratorSplit(StridedRange.forSubtask(i, parallelism, records)));
    }
    return unassigned;
  }
}
