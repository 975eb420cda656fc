package io.sluice.api.connector.source;

/** What an enumerator can do: learn the readers and hand them splits. */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {
  int currentParallelism();

  void assignSplit(SplitT split, int subtaskId);

  /**
   * Tells reader {@code subtaskId} it will get no more splits; it ends once its splits are read.
   */
  void signalNoMoreSplits(int subtaskId);
}
