package ticks;

import io.sluice.api.Job;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.checkpoint.CheckpointingMode;
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
import io.sluice.api.eventtime.WatermarkStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A job that runs until it is canceled: an unbounded source of consecutive numbers (about one per
 * millisecond per subtask), a keyed running sum over 16 keys (keyed state, so a state backend
 * swap has something to move), and a sink that keeps nothing. Compiled by the launcher ITs
 * against the distribution's sluice-api.jar and packed into a job bundle.
 */
public class TickJob implements Job {
  @Override
  public void run(StreamEnvironment env, String[] args) throws Exception {
    env.enableCheckpointing(Duration.ofMillis(500), CheckpointingMode.EXACTLY_ONCE);
    env.fromSource(new TickSource(), WatermarkStrategy.noWatermarks(), "Ticks")
        .uid("ticks")
        .keyBy(n -> n % 16)
        .reduce((a, b) -> a + b)
        .uid("sums")
        .filter(sum -> sum < 0)
        .print();
    env.execute("ticks");
  }

  /** The split of one subtask: where it goes on counting. */
  public record Position(int subtask, long next) implements SourceSplit, java.io.Serializable {
    @Override
    public String splitId() {
      return "ticks-" + subtask;
    }
  }

  /** Unbounded: each subtask counts up from its split's position. */
  public static final class TickSource implements Source<Long, Position, List<Position>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Boundedness getBoundedness() {
      return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<Position, List<Position>> createEnumerator(
        SplitEnumeratorContext<Position> context) {
      List<Position> splits = new ArrayList<>();
      for (int i = 0; i < Math.max(1, context.currentParallelism()); i++) {
        splits.add(new Position(i, 0));
      }
      return new StaticSplitEnumerator<>(context, splits);
    }

    @Override
    public SourceReader<Long, Position> createReader(SourceReaderContext context) {
      return new SplitQueueReader<>(context) {
        private int subtask;
        private long next;

        @Override
        protected void openSplit(Position split) {
          subtask = split.subtask();
          next = split.next();
        }

        @Override
        protected boolean readRecords(ReaderOutput<Long> output) throws InterruptedException {
          Thread.sleep(1);
          output.collect(next++);
          return true;
        }

        @Override
        protected void closeSplit() {}

        @Override
        protected Position currentPosition() {
          return new Position(subtask, next);
        }
      };
    }
  }
}
