package io.sluice.examples.hotitems;

import io.sluice.api.Job;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.file.FileSink;
import io.sluice.api.connector.file.FileSource;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.file.Path;
import java.time.Duration;
import org.osgi.annotation.bundle.Header;

/**
 * Hot items: the top N items by page views in each hour, updated every five minutes.
 *
 * <pre>
 * ./sluice run hot-items --input UserBehavior.csv --output top.tsv [--top 3]
 * </pre>
 *
 * <p>Reads {@code userId,itemId,categoryId,behavior,timestampSeconds} lines (at most five minutes
 * out of order), counts {@code pv} events per item in sliding event-time windows of 60 minutes
 * every 5 minutes (aligned to the epoch), and writes for every window end its top N items as {@code
 * windowEndMillis<TAB>rank<TAB>itemId<TAB>count}, ties ranked by the smaller item id. The ranking
 * runs in one subtask, so the output is sorted by window end, then rank, at any parallelism.
 */
@Header(name = "Sluice-Job", value = "${@class}")
public final class HotItemsJob implements Job {
  static final Duration WINDOW_SIZE = Duration.ofMinutes(60);
  static final Duration WINDOW_SLIDE = Duration.ofMinutes(5);
  static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
  static final int DEFAULT_TOP = 3;

  @Override
  public void run(StreamEnvironment env, String[] args) throws Exception {
    Options options = Options.parse(args);
    build(env, options.input(), options.output(), options.top());
    env.execute("hot-items");
  }

  /** Adds the hot-items dataflow to {@code env}. */
  public static void build(StreamEnvironment env, Path input, Path output, int top) {
    WatermarkStrategy<String> watermarks =
        WatermarkStrategy.<String>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
            .withTimestampAssigner((line, ts) -> UserBehavior.parse(line).timestampMillis());
    env.fromSource(FileSource.forTextLines(input), watermarks, "UserBehavior: " + input)
        .map(UserBehavior::parse)
        .returns(UserBehavior.class)
        .filter(behavior -> behavior.behavior().equals("pv"))
        .keyBy(UserBehavior::itemId)
        .window(SlidingEventTimeWindows.of(WINDOW_SIZE, WINDOW_SLIDE))
        .aggregate(new CountViews(), new WindowViewCount())
        .windowAll(TumblingEventTimeWindows.of(WINDOW_SLIDE))
        .process(new TopItems(top))
        .sinkTo(FileSink.forTextLines(output))
        .name("Top items: " + output)
        .setParallelism(1);
  }

  /** The command line: {@code --input FILE --output FILE [--top N]}. */
  record Options(Path input, Path output, int top) {
    static Options parse(String[] args) {
      Path input = null;
      Path output = null;
      int top = DEFAULT_TOP;
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--input" -> input = Path.of(required(value, "--input"));
          case "--output" -> output = Path.of(required(value, "--output"));
          case "--top" -> top = positive(required(value, "--top"));
          default ->
              throw new IllegalArgumentException(usage("unknown argument '" + args[i] + "'"));
        }
        i++;
      }
      if (input == null || output == null) {
        throw new IllegalArgumentException(usage("--input and --output are required"));
      }
      return new Options(input, output, top);
    }

    private static String required(String value, String option) {
      if (value == null) {
        throw new IllegalArgumentException(usage(option + " needs a value"));
      }
      return value;
    }

    private static int positive(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          usage("--top needs a positive number, not '" + value + "'"));
    }

    private static String usage(String problem) {
      return "hot-items: "
          + problem
          + ". Usage: sluice run hot-items --input FILE --output FILE [--top N]";
    }
  }
}
