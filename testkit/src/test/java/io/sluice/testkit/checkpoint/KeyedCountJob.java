package io.sluice.testkit.checkpoint;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.testkit.failover.ExactlyOnceCollector;
import io.sluice.testkit.failover.FailurePoints;
import io.sluice.testkit.failover.SequenceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The test job of the keyed failover tests: numbers {@code 0..records-1}, keyed by {@code i %
 * keys}, a running count per key in value state emitting {@code key<TAB>count} per record, into an
 * {@link ExactlyOnceCollector}. Whatever the interleaving, the exactly-once output is the lines
 * {@code k<TAB>1 .. k<TAB>n_k} of every key.
 */
final class KeyedCountJob {
  private KeyedCountJob() {}

  static void build(
      StreamEnvironment env,
      String name,
      long records,
      int keys,
      long pauseNanosPerPoll,
      Set<Long> failAtRecords) {
    ExactlyOnceCollector.collect(
        env.fromSource(
                new SequenceSource(records, 64, 40, pauseNanosPerPoll),
                WatermarkStrategy.noWatermarks(),
                "numbers")
            .uid("numbers")
            .keyBy(i -> i % keys)
            .process(new Count(name, failAtRecords))
            .uid("count"),
        name);
  }

  /** The expected lines, computed with a plain loop. */
  static List<String> expected(long records, int keys) {
    long[] counts = new long[keys];
    List<String> lines = new ArrayList<>();
    for (long i = 0; i < records; i++) {
      int key = (int) (i % keys);
      lines.add(key + "\t" + ++counts[key]);
    }
    return lines;
  }

  /**
   * Counts per key; throws once when its subtask has processed each failure point (counted per
   * attempt), or when the test armed {@link FailurePoints#arm} with the job's name.
   */
  static final class Count extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Set<Long> failAt;
    private transient ValueState<Long> count;
    private transient long seen;
    private transient int subtask;

    Count(String name, Set<Long> failAt) {
      this.name = name;
      this.failAt = Set.copyOf(failAt);
    }

    @Override
    public void open(RuntimeContext context) {
      count = context.getState(new ValueStateDescriptor<>("count", Long.class));
      subtask = context.getIndexOfThisSubtask();
    }

    @Override
    public void processElement(Long value, Context<Long> context, Collector<String> out)
        throws Exception {
      seen++;
      if (failAt.contains(seen) && FailurePoints.shouldFail(name + "/" + subtask, seen)) {
        throw new IllegalStateException("injected failure at record " + seen);
      }
      if (FailurePoints.firesNow(name)) {
        throw new IllegalStateException("injected failure requested by the test");
      }
      long next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      out.collect(context.getCurrentKey() + "\t" + next);
    }
  }
}
