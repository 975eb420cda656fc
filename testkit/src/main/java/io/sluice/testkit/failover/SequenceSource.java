package io.sluice.testkit.failover;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.util.SplitQueueReader;
import io.sluice.api.connector.source.util.StaticSplitEnumerator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The longs {@code [0, count)}, cut into {@code splits} ranges that readers pull; each split
 * remembers its position, so the source resumes exactly where a checkpoint left it. An optional
 * pause per poll spreads a small input over several checkpoints.
 *
 * <pre>{@code
 * env.fromSource(new SequenceSource(10_000, 8, 64, 100_000), WatermarkStrategy.noWatermarks(), "seq")
 * }</pre>
 */
public final class SequenceSource
    implements Source<Long, SequenceSource.Range, List<SequenceSource.Range>> {
  private static final long serialVersionUID = 1L;

  private final long count;
  private final int splits;
  private final int recordsPerPoll;
  private final long pauseNanosPerPoll;

  /**
   * @param recordsPerPoll how many numbers one poll emits
   * @param pauseNanosPerPoll how long the reader pauses after each poll (0: none)
   */
  public SequenceSource(long count, int splits, int recordsPerPoll, long pauseNanosPerPoll) {
    if (count < 0 || splits < 1 || recordsPerPoll < 1 || pauseNanosPerPoll < 0) {
      throw new IllegalArgumentException("invalid sequence source settings");
    }
    this.count = count;
    this.splits = splits;
    this.recordsPerPoll = recordsPerPoll;
    this.pauseNanosPerPoll = pauseNanosPerPoll;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<Range, List<Range>> createEnumerator(
      SplitEnumeratorContext<Range> context) {
    List<Range> ranges = new ArrayList<>();
    for (int i = 0; i < splits; i++) {
      long from = count * i / splits;
      long to = count * (i + 1) / splits;
      if (from < to) {
        ranges.add(new Range(i, from, to));
      }
    }
    return new StaticSplitEnumerator<>(context, ranges);
  }

  @Override
  public SplitEnumerator<Range, List<Range>> restoreEnumerator(
      SplitEnumeratorContext<Range> context, List<Range> remaining) {
    return new StaticSplitEnumerator<>(context, remaining);
  }

  @Override
  public SourceReader<Long, Range> createReader(SourceReaderContext context) {
    return new SplitQueueReader<>(context) {
      private Range split;
      private long next;

      @Override
      protected void openSplit(Range range) {
        split = range;
        next = range.next();
      }

      @Override
      protected boolean readRecords(ReaderOutput<Long> output) {
        long stop = Math.min(split.end(), next + recordsPerPoll);
        while (next < stop) {
          output.collect(next++);
        }
        if (pauseNanosPerPoll > 0) {
          LockSupport.parkNanos(pauseNanosPerPoll);
        }
        return next < split.end();
      }

      @Override
      protected void closeSplit() {}

      @Override
      protected Range currentPosition() {
        return new Range(split.index(), next, split.end());
      }
    };
  }

  /** The numbers {@code [next, end)} of split {@code index}. */
  public record Range(int index, long next, long end) implements SourceSplit, Serializable {
    @Override
    public String splitId() {
      return "seq-" + index;
    }
  }
}
