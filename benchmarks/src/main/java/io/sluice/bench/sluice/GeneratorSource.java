package io.sluice.bench.sluice;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.util.SplitQueueReader;
import io.sluice.bench.common.GeneratorCursor;
import io.sluice.bench.common.RecordGenerator;
import java.util.List;

/**
 * A bounded Sluice source that generates {@code records} records, subtask {@code i} of {@code p}
 * the indices {@code i, i + p, …}; nothing is materialized up front.
 */
public final class GeneratorSource<T> implements Source<T, GeneratorSplit, List<GeneratorSplit>> {
  private static final long serialVersionUID = 1L;

  private final RecordGenerator<T> generator;
  private final long records;
  private final boolean stampLatency;

  public GeneratorSource(RecordGenerator<T> generator, long records, boolean stampLatency) {
    this.generator = generator;
    this.records = records;
    this.stampLatency = stampLatency;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<GeneratorSplit, List<GeneratorSplit>> createEnumerator(
      SplitEnumeratorContext<GeneratorSplit> context) {
    return new SubtaskSplitEnumerator(context, records);
  }

  @Override
  public SourceReader<T, GeneratorSplit> createReader(SourceReaderContext context) {
    return new SplitQueueReader<>(context) {
      private GeneratorCursor<T> cursor;

      @Override
      protected void openSplit(GeneratorSplit split) {
        cursor = new GeneratorCursor<>(generator, split.range(), stampLatency);
      }

      @Override
      protected boolean readRecords(ReaderOutput<T> output) {
        return cursor.emitBatch(output::collect) > 0;
      }

      @Override
      protected void closeSplit() {
        cursor = null;
      }

      @Override
      protected GeneratorSplit currentPosition() {
        return new GeneratorSplit(cursor.remaining());
      }
    };
  }
}
