package io.sluice.examples.exactlyonce;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.util.SplitQueueReader;
import io.sluice.api.connector.source.util.StaticSplitEnumerator;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic, bounded, restorable source of {@code records} events over {@code keys} keys:
 * event {@code i} has key {@code i % keys}. The events are cut into one {@link EventRange} per
 * source subtask; a reader checkpoints its range with the next event to emit, the enumerator the
 * ranges not handed out yet, so a restored job emits every event exactly once after the
 * checkpoint's position.
 */
public final class CounterEventSource
    implements Source<CounterEvent, EventRange, List<EventRange>> {
  private static final long serialVersionUID = 1L;
  private static final int EVENTS_PER_POLL = 128;

  private final long records;
  private final int keys;

  public CounterEventSource(long records, int keys) {
    if (records < 0 || keys < 1) {
      throw new IllegalArgumentException(
          "need records >= 0 and keys >= 1, not " + records + " and " + keys);
    }
    this.records = records;
    this.keys = keys;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<EventRange, List<EventRange>> createEnumerator(
      SplitEnumeratorContext<EventRange> context) {
    int parallelism = Math.max(1, context.currentParallelism());
    List<EventRange> ranges = new ArrayList<>(parallelism);
    for (int i = 0; i < parallelism; i++) {
      long from = records * i / parallelism;
      long to = records * (i + 1) / parallelism;
      if (from < to) {
        ranges.add(new EventRange(from, to));
      }
    }
    return new StaticSplitEnumerator<>(context, ranges);
  }

  @Override
  public SplitEnumerator<EventRange, List<EventRange>> restoreEnumerator(
      SplitEnumeratorContext<EventRange> context, List<EventRange> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  @Override
  public SourceReader<CounterEvent, EventRange> createReader(SourceReaderContext context) {
    return new SplitQueueReader<>(context) {
      private long next;
      private long end;

      @Override
      protected void openSplit(EventRange split) {
        next = split.next();
        end = split.end();
      }

      @Override
      protected boolean readRecords(ReaderOutput<CounterEvent> output) {
        long stop = Math.min(end, next + EVENTS_PER_POLL);
        while (next < stop) {
          output.collect(new CounterEvent(next, (int) (next % keys)));
          next++;
        }
        return next < end;
      }

      @Override
      protected void closeSplit() {}

      @Override
      protected EventRange currentPosition() {
        return new EventRange(next, end);
      }
    };
  }
}
