package io.sluice.api.connector.source.util;

import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Hands out a fixed list of splits, one per request, in order; a reader that asks when none are
 * left is told there are no more. Readers pulling work balances uneven splits across subtasks. Its
 * checkpoint is the list of splits not handed out yet; constructing it with that list restores it.
 * Confined to the coordinator thread.
 */
public class StaticSplitEnumerator<SplitT extends SourceSplit>
    implements SplitEnumerator<SplitT, List<SplitT>> {
  private final SplitEnumeratorContext<SplitT> context;
  private final Deque<SplitT> remaining;

  public StaticSplitEnumerator(SplitEnumeratorContext<SplitT> context, List<SplitT> splits) {
    this.context = context;
    this.remaining = new ArrayDeque<>(splits);
  }

  @Override
  public void start() throws Exception {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    SplitT next = remaining.poll();
    if (next == null) {
      context.signalNoMoreSplits(subtaskId);
    } else {
      context.assignSplit(next, subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<SplitT> splits, int subtaskId) {
    for (int i = splits.size() - 1; i >= 0; i--) {
      remaining.addFirst(splits.get(i));
    }
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public List<SplitT> snapshotState(long checkpointId) {
    return new ArrayList<>(remaining);
  }
}
