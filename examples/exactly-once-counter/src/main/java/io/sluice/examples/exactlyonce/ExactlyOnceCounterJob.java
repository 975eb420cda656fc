package io.sluice.examples.exactlyonce;

import io.sluice.api.Job;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.checkpoint.CheckpointingMode;
import io.sluice.api.checkpoint.RestartStrategy;
import io.sluice.api.connector.file.FileSink;
import io.sluice.api.eventtime.WatermarkStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.osgi.annotation.bundle.Header;

/**
 * Exactly-once counter: running counts per key that stay exact through failures.
 *
 * <pre>
 * ./sluice run exactly-once-counter --records 100000 --keys 10 --fail-every 20000 --output out
 *     [--parallelism P] [--checkpoint-interval-ms 200]
 * </pre>
 *
 * <p>Generates {@code records} events (event {@code i} has key {@code i % keys}, from a restorable
 * {@link CounterEventSource}), keys them, counts each key's events in keyed state and writes {@code
 * key<TAB>count} for every event through the exactly-once {@link FileSink}, checkpointing every
 * {@code checkpoint-interval-ms} (default {@value #DEFAULT_CHECKPOINT_INTERVAL_MS}) with
 * exactly-once barriers. With {@code --fail-every M} the counting subtasks fail on purpose at their
 * M-th, 2M-th, … record of an attempt (each point once, see {@link FailurePoints}); the job
 * restarts from its latest checkpoint with a fixed-delay restart strategy that allows one restart
 * per failure point plus {@value #SPARE_RESTARTS}. Whatever failed, the committed output (part
 * files in the directory {@code output}, read them with {@link FileSink#readCommittedLines}) is
 * exactly {@link #expectedLines}: for each key k the lines {@code k\t1} … {@code k\tn_k}, each
 * once.
 */
@Header(name = "Sluice-Job", value = "${@class}")
public final class ExactlyOnceCounterJob implements Job {
  static final long DEFAULT_CHECKPOINT_INTERVAL_MS = 200;
  static final int SPARE_RESTARTS = 2;
  static final Duration RESTART_DELAY = Duration.ofMillis(100);

  @Override
  public void run(StreamEnvironment env, String[] args) throws Exception {
    build(env, Options.parse(args));
    env.execute("exactly-once-counter");
  }

  /** Adds the counter's dataflow, checkpointing and restart strategy to {@code env}. */
  public static void build(StreamEnvironment env, Options options) {
    if (options.parallelism() > 0) {
      env.setParallelism(options.parallelism());
    }
    env.enableCheckpointing(
        Duration.ofMillis(options.checkpointIntervalMillis()), CheckpointingMode.EXACTLY_ONCE);
    long failurePoints = options.failEvery() == 0 ? 0 : options.records() / options.failEvery();
    env.setRestartStrategy(
        RestartStrategy.fixedDelay(
            (int) Math.min(Integer.MAX_VALUE, failurePoints + SPARE_RESTARTS), RESTART_DELAY));
    env.fromSource(
            new CounterEventSource(options.records(), options.keys()),
            WatermarkStrategy.noWatermarks(),
            "events")
        .keyBy(CounterEvent::key)
        .process(new RunningCount(new FailurePoints(options.failEvery(), options.output())))
        .name("running count")
        .sinkTo(FileSink.forTextLines(options.output()))
        .name("counts: " + options.output());
  }

  /**
   * The output the job must commit, computed without the runtime: for each key {@code k} in {@code
   * [0, keys)} the lines {@code k\t1} … {@code k\tn_k}, where {@code n_k} counts the {@code i <
   * records} with {@code i % keys == k}. Ordered by key, then count; the job's output is the same
   * lines in another order (compare as multisets).
   */
  public static List<String> expectedLines(long records, int keys) {
    List<String> lines = new ArrayList<>();
    for (int key = 0; key < keys; key++) {
      long events = records / keys + (key < records % keys ? 1 : 0);
      for (long count = 1; count <= events; count++) {
        lines.add(key + "\t" + count);
      }
    }
    return lines;
  }

  /**
   * The command line.
   *
   * @param records how many events ({@code --records})
   * @param keys over how many keys ({@code --keys})
   * @param failEvery fail at every this many records per subtask and attempt; 0 (default) never
   * @param output the output directory ({@code --output})
   * @param parallelism the job's parallelism, 0 (default) for the environment's
   * @param checkpointIntervalMillis time between checkpoints
   */
  public record Options(
      long records,
      int keys,
      long failEvery,
      Path output,
      int parallelism,
      long checkpointIntervalMillis) {

    public static Options parse(String... args) {
      Long records = null;
      Integer keys = null;
      long failEvery = 0;
      Path output = null;
      int parallelism = 0;
      long interval = DEFAULT_CHECKPOINT_INTERVAL_MS;
      for (int i = 0; i < args.length; i += 2) {
        String option = args[i];
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (value == null) {
          throw new IllegalArgumentException(usage(option + " needs a value"));
        }
        switch (option) {
          case "--records" -> records = number(option, value, 0);
          case "--keys" -> keys = (int) number(option, value, 1);
          case "--fail-every" -> failEvery = number(option, value, 0);
          case "--output" -> output = Path.of(value);
          case "--parallelism" -> parallelism = (int) number(option, value, 1);
          case "--checkpoint-interval-ms" -> interval = number(option, value, 1);
          default -> throw new IllegalArgumentException(usage("unknown argument '" + option + "'"));
        }
      }
      if (records == null || keys == null || output == null) {
        throw new IllegalArgumentException(usage("--records, --keys and --output are required"));
      }
      return new Options(records, keys, failEvery, output, parallelism, interval);
    }

    private static long number(String option, String value, long min) {
      try {
        long n = Long.parseLong(value);
        if (n >= min && n <= (option.equals("--records") ? Long.MAX_VALUE : Integer.MAX_VALUE)) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          usage(option + " needs a whole number >= " + min + ", not '" + value + "'"));
    }

    private static String usage(String problem) {
      return "exactly-once-counter: "
          + problem
          + ". Usage: sluice run exactly-once-counter --records N --keys K [--fail-every M]"
          + " --output DIR [--parallelism P] [--checkpoint-interval-ms X]";
    }
  }
}
