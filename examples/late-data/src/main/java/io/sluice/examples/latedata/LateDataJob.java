package io.sluice.examples.latedata;

import io.sluice.api.Job;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.file.FileSink;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.osgi.annotation.bundle.Header;

/**
 * Late data, shown on a built-in sample of sensor readings:
 *
 * <pre>
 * ./sluice run late-data --output results.tsv --late-output late.tsv
 * </pre>
 *
 * <p>The maximum temperature per sensor in tumbling 10-second event-time windows, with watermarks
 * two seconds behind the newest reading. A window fires when the watermark passes its end; a
 * reading that arrives after that but within the allowed lateness of five seconds fires the window
 * again with the updated result (firing 2, 3, …); a reading later than that goes to the late-data
 * side output, written to its own file as {@code sensor<TAB>timestampSeconds<TAB>temperature}.
 */
@Header(name = "Sluice-Job", value = "${@class}")
public final class LateDataJob implements Job {
  static final Duration WINDOW = Duration.ofSeconds(10);
  static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);
  static final Duration ALLOWED_LATENESS = Duration.ofSeconds(5);
  static final OutputTag<Reading> TOO_LATE = new OutputTag<>("too-late", Reading.class);

  /** The built-in sample, in arrival order; the comments say what each reading does. */
  static final List<Reading> SAMPLE =
      List.of(
          new Reading("s1", 1, 20),
          new Reading("s2", 2, 18),
          new Reading("s1", 4, 22),
          new Reading("s1", 11, 21),
          new Reading("s2", 9, 19), // out of order, still on time
          new Reading("s1", 13, 23), // watermark 10.999 s: [0, 10) fires
          new Reading("s1", 7, 25), // late but allowed: s1 [0, 10) fires again
          new Reading("s2", 16, 17),
          new Reading("s1", 18, 24), // watermark 15.999 s: [0, 10) is gone
          new Reading("s2", 5, 30), // too late: side output
          new Reading("s1", 22, 26), // watermark 19.999 s: [10, 20) fires
          new Reading("s2", 19, 16), // late but allowed: s2 [10, 20) fires again
          new Reading("s2", 27, 15), // watermark 24.999 s: [10, 20) is gone
          new Reading("s1", 12, 40)); // too late: side output

  @Override
  public void run(StreamEnvironment env, String[] args) throws Exception {
    Path output = null;
    Path lateOutput = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--output" -> output = Path.of(args[i + 1]);
        case "--late-output" -> lateOutput = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException(usage("unknown argument '" + args[i] + "'"));
      }
    }
    if (output == null || lateOutput == null || args.length % 2 != 0) {
      throw new IllegalArgumentException(usage("--output and --late-output are required"));
    }
    build(env, output, lateOutput);
    env.execute("late-data");
  }

  private static String usage(String problem) {
    return "late-data: "
        + problem
        + ". Usage: sluice run late-data --output FILE --late-output FILE";
  }

  /** Adds the late-data dataflow over {@link #SAMPLE} to {@code env}. */
  public static void build(StreamEnvironment env, Path output, Path lateOutput) {
    WatermarkStrategy<Reading> punctuated = () -> new PunctuatedOutOfOrderness(OUT_OF_ORDERNESS);
    DataStream<String> results =
        env.fromSource(
                new CollectionSource<>(SAMPLE),
                punctuated.withTimestampAssigner((reading, ts) -> reading.timestampMillis()),
                "Sensor readings",
                Reading.class)
            .setParallelism(1)
            .keyBy(Reading::sensor)
            .window(TumblingEventTimeWindows.of(WINDOW))
            .allowedLateness(ALLOWED_LATENESS)
            .sideOutputLateData(TOO_LATE)
            .aggregate(new MaxAndCount(), new NumberedFiring());
    results.sinkTo(FileSink.forTextLines(output)).name("Results: " + output).setParallelism(1);
    results
        .getSideOutput(TOO_LATE)
        .map(r -> r.sensor() + "\t" + r.timestampSeconds() + "\t" + r.temperature())
        .returns(String.class)
        .sinkTo(FileSink.forTextLines(lateOutput))
        .name("Late readings: " + lateOutput)
        .setParallelism(1);
  }
}
