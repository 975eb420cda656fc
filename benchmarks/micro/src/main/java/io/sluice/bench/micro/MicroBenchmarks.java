package io.sluice.bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the micro-benchmarks with JMH and writes {@code PREFIX.json} (JMH's own JSON) and {@code
 * PREFIX.tsv} (one {@link MicroResult} per line, for {@link MicroReport}).
 *
 * <pre>
 * MicroBenchmarks [--quick] [--include REGEX]... [--exclude REGEX]... --out PREFIX
 * </pre>
 *
 * Quick: 1 fork, 2 warm-up and 3 measured iterations of 1 s; full: 2 forks, 5 and 5 of 2 s. All in
 * throughput mode (operations per second), one thread, each fork with a 1 GiB G1 heap.
 */
public final class MicroBenchmarks {
  private MicroBenchmarks() {}

  public static void main(String[] args) throws RunnerException, IOException {
    boolean quick = false;
    List<String> includes = new ArrayList<>();
    List<String> excludes = new ArrayList<>();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--include" -> includes.add(args[++i]);
        case "--exclude" -> excludes.add(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> usage("unknown option " + args[i]);
      }
    }
    if (out == null) {
      usage("--out is required");
    }
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .mode(Mode.Throughput)
            .forks(quick ? 1 : 2)
            .warmupIterations(quick ? 2 : 5)
            .warmupTime(TimeValue.seconds(quick ? 1 : 2))
            .measurementIterations(quick ? 3 : 5)
            .measurementTime(TimeValue.seconds(quick ? 1 : 2))
            .timeUnit(TimeUnit.SECONDS)
            .jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+UseTransparentHugePages")
            .resultFormat(ResultFormatType.JSON)
            .result(jsonOf(out).toString());
    (includes.isEmpty() ? List.of(MicroBenchmarks.class.getPackageName() + ".") : includes)
        .forEach(options::include);
    excludes.forEach(options::exclude);
    Collection<RunResult> results = new Runner(options.build()).run();
    List<String> lines = new ArrayList<>();
    for (RunResult result : results) {
      lines.add(
          new MicroResult(
                  result.getParams().getBenchmark(),
                  result.getPrimaryResult().getScore(),
                  result.getPrimaryResult().getScoreError())
              .toTsv());
    }
    Files.write(tsvOf(out), lines);
  }

  static Path jsonOf(Path prefix) {
    return Path.of(prefix + ".json");
  }

  static Path tsvOf(Path prefix) {
    return Path.of(prefix + ".tsv");
  }

  private static void usage(String problem) {
    System.err.println(
        problem
            + "; use [--quick] [--include REGEX]... [--exclude REGEX]... --out PREFIX"
            + " (writes PREFIX.json and PREFIX.tsv)");
    System.exit(2);
  }
}
