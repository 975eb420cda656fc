package io.sluice.bench.flink;

import io.sluice.bench.common.StridedRange;
import org.apache.flink.api.connector.source.SourceSplit;

/** A Flink source split of the generator: the indices one subtask generates. */
record GeneratorSplit(StridedRange range) implements SourceSplit {
  @Override
  public String splitId() {
    return range.id();
  }
}
