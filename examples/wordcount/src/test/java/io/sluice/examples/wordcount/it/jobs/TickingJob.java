package io.sluice.examples.wordcount.it.jobs;

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
 * millisecond per subtask), a keyed running sum over 16 keys (keyed state for a backend swap to
 * move) and a sink that keeps nothing. Packaged into its own bundle by the tests.
 */
public final class TickingJob implements Job {
  /** The packages the job bundle imports. */
  public static final List<String> IMPORTS =
      List.of(
          "io.sluice.api",
          "io.sluice.api.checkpoint",
          "io.sluice.api.connector.source",
          "io.sluice.api.connector.source.util",
          "io.sluice.api.datastream",
          "io.sluice.api.eventtime",
          "io.sluice.api.functions");

  /** Every class the job bundle needs. */
  public static final Class<?>[] CLASSES = {
    TickingJob.class, Ticks.class, TickReader.class, Position.class
  };

  @Override
  public void run(StreamEnvironment env, String[] args) throws Exception {
    env.enableCheckpointing(Duration.ofMillis(500), CheckpointingMode.EXACTLY_ONCE);
    env.fromSource(new Ticks(), WatermarkStrategy.noWatermarks(), "Ticks")
        .uid("ticks")
        .keyBy(n -> n % 16)
        .reduce((a, b) -> a + b)
        .uid("sums")
        .filter(sum -> sum < 0)
        .print();
    env.execute("ticking");
  }

  /** Where one subtask goes on counting. */
  public record Position(int subtask, long next) implements SourceSplit {
    @Override
    public String splitId() {
      return "ticks-" + subtask;
    }
  }

  /** Unbounded: one split per subtask. */
  public static final class Ticks implements Source<Long, Position, List<Position>> {
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
      return new TickReader(context);
    }
  }

  /** Emits one number per poll, a millisecond apart. */
  public static final class TickReader extends SplitQueueReader<Long, Position> {
    private int subtask;
    private long next;

    TickReader(SourceReaderContext context) {
      super(context);
    }

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
  }
}
