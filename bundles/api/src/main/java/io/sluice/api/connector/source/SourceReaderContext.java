package io.sluice.api.connector.source;

/** What a reader can learn and ask for. */
public interface SourceReaderContext {
  int getIndexOfSubtask();

  int currentParallelism();

  /** Asks the enumerator for a split; the answer arrives through {@link SourceReader#addSplits}. */
  void sendSplitRequest();

  ClassLoader getUserCodeClassLoader();
}
