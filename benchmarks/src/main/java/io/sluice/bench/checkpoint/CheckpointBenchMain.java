package io.sluice.bench.checkpoint;

import io.sluice.bench.common.Folders;
import io.sluice.bench.common.StateBackendKind;
import io.sluice.bench.flink.FlinkCheckpointScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the checkpoint benchmark ({@link CheckpointScenario}) once in this JVM and prints its
 * measurements as one JSON line: the child process {@code CheckpointRunner} starts per repetition.
 *
 * <pre>
 * java -cp … io.sluice.bench.checkpoint.CheckpointBenchMain [--engine sluice|flink]
 *     [--keys 1000000] [--checkpoints 3]
 *     [--change-percent 1] [--rocksdb-budget-mb 64] [--work-dir DIR]
 * </pre>
 *
 * The work directory (checkpoints, RocksDB folders; a fresh temporary one by default) is deleted at
 * the end. Exit status 0 with the line on standard output, or 1 with the error on standard error.
 */
public final class CheckpointBenchMain {
  private CheckpointBenchMain() {}

  public static void main(String[] args) {
    int status = 0;
    try {
      Map<String, String> options = parse(args);
      Path work =
          options.containsKey("work-dir")
              ? Files.createDirectories(Path.of(options.get("work-dir")))
              : Files.createTempDirectory("sluice-checkpoint-bench");
      try {
        int keys = Integer.parseInt(options.getOrDefault("keys", "1000000"));
        int checkpoints = Integer.parseInt(options.getOrDefault("checkpoints", "3"));
        double changePercent = Double.parseDouble(options.getOrDefault("change-percent", "1"));
        long budgetMb =
            Long.parseLong(
                options.getOrDefault(
                    "rocksdb-budget-mb", Long.toString(StateBackendKind.ROCKSDB_MEMORY_MB)));
        String engine = options.getOrDefault("engine", "sluice");
        Object measured =
            switch (engine) {
              case "sluice" ->
                  new CheckpointScenario(keys, checkpoints, changePercent, budgetMb, work).run();
              case "flink" ->
                  new FlinkCheckpointScenario(keys, checkpoints, changePercent, budgetMb, work)
                      .run();
              default -> throw new IllegalArgumentException("unknown engine " + engine);
            };
        System.out.println(measured);
        System.out.flush();
      } finally {
        Folders.deleteRecursively(work);
      }
    } catch (Throwable t) {
      t.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
