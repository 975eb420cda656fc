package io.sluice.bench;

import io.sluice.bench.baseline.PlainJavaEngine;
import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.Engine;
import io.sluice.bench.common.PeakMemory;
import io.sluice.bench.common.RunProbe;
import io.sluice.bench.common.RunResult;
import io.sluice.bench.flink.FlinkEngine;
import io.sluice.bench.sluice.SluiceEngine;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one benchmark on one engine in this JVM and prints one JSON line of results: the child
 * process the runner starts for every measurement, so that engines never share a heap, JIT profile
 * or leftover threads.
 *
 * <pre>
 * java -cp … io.sluice.bench.BenchMain --engine sluice|flink --bench NAME --records N
 *     --parallelism P [--warmups W] [--warmup-records R]
 * </pre>
 *
 * The job runs {@code W} times (default 1) on {@code R} records (default {@code N}) to warm the
 * JIT, then once measured on {@code N} records. Exit status 0 with the line on standard output, or
 * 1 with the error on standard error.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    int status = 0;
    try {
      Map<String, String> options = parse(args);
      Engine engine = engine(require(options, "engine"));
      Benchmark benchmark = Benchmark.byId(require(options, "bench"));
      long records = Long.parseLong(require(options, "records"));
      int parallelism = Integer.parseInt(require(options, "parallelism"));
      int warmups = Integer.parseInt(options.getOrDefault("warmups", "1"));
      long warmupRecords =
          Long.parseLong(options.getOrDefault("warmup-records", Long.toString(records)));
      for (int i = 0; i < warmups; i++) {
        runOnce(engine, benchmark, warmupRecords, parallelism);
      }
      long cpuBefore = processCpuNanos();
      RunResult result = runOnce(engine, benchmark, records, parallelism);
      long cpuNanos = processCpuNanos() - cpuBefore;
      System.out.println(result.toJson());
      System.out.flush();
      // On a shared machine the CPU time of the measured run varies far less than its wall time.
      System.err.printf("measured run: process CPU %.0f ms%n", cpuNanos / 1e6);
    } catch (Throwable t) {
      t.printStackTrace();
      status = 1;
    }
    // Engines may leave non-daemon threads behind (Flink's MiniCluster pools): end the JVM here.
    System.exit(status);
  }

  /** Runs the job once and describes the run. */
  static RunResult runOnce(Engine engine, Benchmark benchmark, long records, int parallelism)
      throws Exception {
    RunProbe.reset(records);
    long start = System.nanoTime();
    engine.run(benchmark, records, parallelism);
    long jobNanos = System.nanoTime() - start;
    RunProbe.Observation seen = RunProbe.observe();
    if (seen.finishedSinks() == 0 || seen.processingNanos() <= 0) {
      throw new IllegalStateException(
          engine.id() + " ran " + benchmark.id() + " but no sink reported the end of its input");
    }
    var latency = seen.latency();
    return new RunResult(
        engine.id(),
        engine.version(),
        benchmark.id(),
        parallelism,
        records,
        seen.outputs(),
        Long.toHexString(seen.checksum()),
        seen.processingNanos() / 1e6,
        jobNanos / 1e6,
        records / (seen.processingNanos() / 1e9),
        PeakMemory.peakRssKib(),
        latency == null ? null : latency.p50(),
        latency == null ? null : latency.p99(),
        latency == null ? null : latency.p999());
  }

  /** CPU time of this JVM so far (all threads, JIT and GC included), or 0 if unknown. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  static Engine engine(String id) {
    return switch (id) {
      case "sluice" -> new SluiceEngine();
      case "flink" -> new FlinkEngine();
      case "java" -> new PlainJavaEngine();
      default ->
          throw new IllegalArgumentException("--engine must be sluice, flink or java: " + id);
    };
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "Expected --name value pairs, got '" + args[i] + "'. Usage: " + usage());
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Missing --" + name + ". Usage: " + usage());
    }
    return value;
  }

  private static String usage() {
    return "BenchMain --engine sluice|flink --bench NAME --records N --parallelism P"
        + " [--warmups W] [--warmup-records R]";
  }
}
