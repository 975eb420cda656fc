package io.sluice.bench.checkpoint;

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
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The indices {@code 0, 1, 2, …} without end, but only as far as the job's {@link JobProbe} has
 * released them: the benchmark releases one index per key to fill the state, then a percent of the
 * keys at a time to change it between checkpoints. While nothing is released the reader idles (1 ms
 * naps), so the job stays running and checkpoints see a quiet, known state. One split, whose
 * position is checkpointed, so a job moved through a savepoint resumes at the next index.
 */
final class GatedIndexSource
    implements Source<Long, GatedIndexSource.Position, List<GatedIndexSource.Position>> {
  private static final long serialVersionUID = 1L;
  private static final int RECORDS_PER_POLL = 256;
  private static final long IDLE_NANOS = 1_000_000;

  private final String jobName;

  GatedIndexSource(String jobName) {
    this.jobName = jobName;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SplitEnumerator<Position, List<Position>> createEnumerator(
      SplitEnumeratorContext<Position> context) {
    return new StaticSplitEnumerator<>(context, List.of(new Position(0)));
  }

  @Override
  public SplitEnumerator<Position, List<Position>> restoreEnumerator(
      SplitEnumeratorContext<Position> context, List<Position> remaining) {
    return new StaticSplitEnumerator<>(context, remaining);
  }

  @Override
  public SourceReader<Long, Position> createReader(SourceReaderContext context) {
    JobProbe probe = JobProbe.of(jobName);
    return new SplitQueueReader<>(context) {
      private long next;

      @Override
      protected void openSplit(Position split) {
        next = split.next();
      }

      @Override
      protected boolean readRecords(ReaderOutput<Long> output) {
        long stop = Math.min(probe.released(), next + RECORDS_PER_POLL);
        if (next >= stop) {
          LockSupport.parkNanos(IDLE_NANOS);
        }
        while (next < stop) {
          output.collect(next++);
        }
        return true;
      }

      @Override
      protected void closeSplit() {}

      @Override
      protected Position currentPosition() {
        return new Position(next);
      }
    };
  }

  /** The next index to emit. */
  record Position(long next) implements SourceSplit, Serializable {
    @Override
    public String splitId() {
      return "indices";
    }
  }
}
