package io.sluice.bench.runner;

import io.sluice.bench.common.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one {@code BenchMain} child JVM per measurement, with this JVM's class path and the same
 * JVM options for both engines, and reads its result line. The child's standard error goes to a log
 * file for post-mortems.
 */
final class ChildLauncher {
  /**
   * The same for both engines; no pre-touch, so the peak RSS shows what each engine touched. Heap
   * in transparent huge pages (where the kernel offers them, as madvise or always; elsewhere the
   * JVM warns and goes on with small pages): on a VM whose host hands out memory lazily, a first
   * touch of a small page costs microseconds, and whether a measured second-long run grew its heap
   * or not decided whether it ran at full speed or at a third of it (plain Java q0 loop, 6 runs
   * each: 3.9-15.7 M events/s with small pages, 13.5-16.0 M with huge pages).
   */
  static final List<String> JVM_OPTIONS =
      List.of("-Xms256m", "-Xmx2g", "-XX:+UseG1GC", "-XX:+UseTransparentHugePages");

  private static final long TIMEOUT_MINUTES = 10;

  private final String javaCommand;
  private final String classPath;
  private final Path logDirectory;

  ChildLauncher(String javaCommand, String classPath, Path logDirectory) {
    this.javaCommand = javaCommand;
    this.classPath = classPath;
    this.logDirectory = logDirectory;
  }

  /**
   * Runs one child to its end.
   *
   * @throws IOException if the child failed, timed out, or printed no result line; the message
   *     names the log with its error output
   */
  RunResult run(BenchCase benchCase, String engine, int repetition, Plan plan)
      throws IOException, InterruptedException {
    String line =
        runForJsonLine(
            List.of(
                "io.sluice.bench.BenchMain",
                "--engine",
                engine,
                "--bench",
                benchCase.benchmark().id(),
                "--records",
                Long.toString(benchCase.records()),
                "--parallelism",
                Integer.toString(benchCase.parallelism()),
                "--warmups",
                Integer.toString(plan.warmups()),
                "--warmup-records",
                Long.toString(benchCase.warmupRecords(plan.warmupFraction()))),
            benchCase.benchmark().id()
                + "-p"
                + benchCase.parallelism()
                + "-"
                + engine
                + "-"
                + repetition,
            benchCase.label() + " on " + engine);
    return RunResult.fromJson(line);
  }

  /**
   * Runs {@code mainClassAndArguments} in a child JVM to its end and returns the last line of its
   * standard output that starts with {@code {}.
   *
   * @param logName the name of the log file (without {@code .log}) for the child's error output
   * @param what what runs, for error messages
   * @throws IOException if the child failed, timed out, or printed no such line; the message names
   *     the log with its error output
   */
  String runForJsonLine(List<String> mainClassAndArguments, String logName, String what)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaCommand);
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(classPath);
    command.addAll(mainClassAndArguments);
    Files.createDirectories(logDirectory);
    Path log = logDirectory.resolve(logName + ".log");
    Path out = Files.createTempFile("bench-child", ".out");
    try {
      Process child =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(log.toFile())
              .start();
      if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        child.destroyForcibly().waitFor();
        throw new IOException(what + " ran over " + TIMEOUT_MINUTES + " min; see " + log);
      }
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      if (child.exitValue() != 0) {
        throw new IOException(
            what + " failed with exit status " + child.exitValue() + "; see " + log);
      }
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith("{")) {
          return lines.get(i);
        }
      }
      throw new IOException(what + " printed no result line; see " + log);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
