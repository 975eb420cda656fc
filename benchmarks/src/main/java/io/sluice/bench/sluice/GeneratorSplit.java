package io.sluice.bench.sluice;

import io.sluice.api.connector.source.SourceSplit;
import io.sluice.bench.common.StridedRange;

/** A source split of the generator: the indices one subtask generates. */
record GeneratorSplit(StridedRange range) implements SourceSplit {
  @Override
  public String splitId() {
    return range.id();
  }
}
