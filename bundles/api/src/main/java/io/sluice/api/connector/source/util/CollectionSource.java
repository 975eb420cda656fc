package io.sluice.api.connector.source.util;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded source over a list held in memory (what {@code fromElements} and {@code fromCollection}
 * use). The list is cut into one split per reader; a split remembers its position, so a restored
 * reader continues after the last element it emitted before the checkpoint. The elements must be
 * {@link java.io.Serializable} for the source to be shipped and checkpointed.
 */
public final class CollectionSource<T>
    implements Source<T, CollectionSource.Range, List<CollectionSource.Range>> {
  private static final long serialVersionUID = 1L;
  private static final int RECORDS_PER_POLL = 64;

  private final List<T> elements;

  public CollectionSource(List<T> elements) {
    for (T element : elements) {
      if (element == null) {
        throw new IllegalArgumentException("a collection source cannot contain null elements");
      }
    }
    this.elements = List.copyOf(elements);
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<Range, List<Range>> createEnumerator(
      SplitEnumeratorContext<Range> context) {
    int parallelism = Math.max(1, context.currentParallelism());
    List<Range> ranges = new ArrayList<>(parallelism);
    for (int i = 0; i < parallelism; i++) {
      int from = (int) ((long) elements.size() * i / parallelism);
      int to = (int) ((long) elements.size() * (i + 1) / parallelism);
      if (from < to) {
        ranges.add(new Range(from, to));
      }
    }
    return new StaticSplitEnumerator<>(context, ranges);
  }

  /** Continues with the ranges no reader had taken at the checkpoint. */
  @Override
  public SplitEnumerator<Range, List<Range>> restoreEnumerator(
      SplitEnumeratorContext<Range> context, List<Range> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  @Override
  public SourceReader<T, Range> createReader(SourceReaderContext context) {
    return new SplitQueueReader<>(context) {
      private int position;
      private int end;

      @Override
      protected void openSplit(Range split) {
        position = split.from();
        end = split.to();
      }

      @Override
      protected boolean readRecords(ReaderOutput<T> output) {
        int stop = Math.min(end, position + RECORDS_PER_POLL);
        while (position < stop) {
          output.collect(elements.get(position++));
        }
        return position < end;
      }

      @Override
      protected void closeSplit() {}

      @Override
      protected Range currentPosition() {
        return new Range(position, end);
      }
    };
  }

  /** Elements {@code [from, to)} of the list; {@code from} advances as elements are emitted. */
  public record Range(int from, int to) implements SourceSplit, Serializable {
    @Override
    public String splitId() {
      return "elements-before-" + to; // stable while from advances; ranges never share an end
    }
  }
}
