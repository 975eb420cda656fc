package io.sluice.testkit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.checkpoint.CheckpointingMode;
import io.sluice.api.checkpoint.RestartStrategy;
import io.sluice.runtime.checkpoint.CompletedCheckpointInfo;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.runtime.execution.RedeployResult;
import io.sluice.runtime.execution.RestoreSettings;
import io.sluice.spi.state.StateBackend;
import io.sluice.state.heap.HeapStateBackend;
import io.sluice.state.rocksdb.CheckpointFormat;
import io.sluice.state.rocksdb.RocksDbStateBackend;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.failover.ExactlyOnceCollector;
import io.sluice.testkit.failover.FailurePoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyed state across failures, savepoints, rescaling and backend swaps, checked record by record
 * against the lines a plain loop computes ({@link KeyedCountJob#expected}).
 */
class KeyedFailoverTest {
  private static final int KEYS = 50;

  @TempDir Path checkpoints;
  @TempDir Path rocksdb;

  /**
   * {@code heap}, {@code rocksdb} (canonical checkpoints), {@code rocksdb-native}, {@code
   * rocksdb-incremental}.
   */
  private StateBackend backend(String name) {
    if (name.equals("heap")) {
      return new HeapStateBackend();
    }
    CheckpointFormat format =
        switch (name) {
          case "rocksdb" -> CheckpointFormat.CANONICAL;
          case "rocksdb-native" -> CheckpointFormat.NATIVE_FULL;
          case "rocksdb-incremental" -> CheckpointFormat.NATIVE_INCREMENTAL;
          default -> throw new IllegalArgumentException(name);
        };
    return new RocksDbStateBackend(rocksdb.resolve("db-" + System.nanoTime()), 64, format);
  }

  /**
   * Runs the keyed count job ({@code records} over {@link #KEYS} keys, parallelism 2, checkpoints
   * every 20 ms) with failures at {@code failAt} records of a subtask and checks that it finished
   * with every count committed exactly once.
   *
   * @param pauseNanosPerPoll how long the source pauses per poll, so checkpoints happen meanwhile
   * @param context what the assertions report on failure (the seed, the failure points)
   * @return the job's master, for its restart figures
   */
  private JobMaster runExactlyOnceWithFailures(
      String name,
      String backendName,
      long records,
      Set<Long> failAt,
      long pauseNanosPerPoll,
      String context)
      throws Exception {
    AtomicReference<JobMaster> master = new AtomicReference<>();
    StateBackend backend = backend(backendName);
    StreamEnvironment env = environment(2, () -> backend, RestoreSettings.NONE, master);
    env.enableCheckpointing(Duration.ofMillis(20), CheckpointingMode.EXACTLY_ONCE);
    env.setRestartStrategy(RestartStrategy.fixedDelay(20, Duration.ofMillis(5)));
    KeyedCountJob.build(env, name, records, KEYS, pauseNanosPerPoll, failAt);

    JobResult result = env.execute(name);

    assertThat(result.status()).as(context).isEqualTo(JobStatus.FINISHED);
    assertThat(sorted(ExactlyOnceCollector.<String>committed(name)))
        .as(context)
        .containsExactlyElementsOf(sorted(KeyedCountJob.expected(records, KEYS)));
    return master.get();
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb", "rocksdb-native", "rocksdb-incremental"})
  void keyedCountsAreExactlyOnceUnderTaskFailuresAtRandomPoints(String backendName)
      throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long records = 40_000;
    Set<Long> failAt = new TreeSet<>();
    while (failAt.size() < 3) {
      failAt.add(1 + (long) random.nextInt((int) (records / 10)));
    }
    String name = "keyed-" + backendName + "-" + seed;
    String context = "seed " + seed + ", failures at " + failAt;

    JobMaster master =
        runExactlyOnceWithFailures(name, backendName, records, failAt, 200_000, context);

    // Both subtasks may hit a failure point before the first failure cancels the other.
    long fired = FailurePoints.fired(name + "/0") + FailurePoints.fired(name + "/1");
    assertThat(master.restarts()).as(context).isBetween(1, (int) fired);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rocksdb-native", "rocksdb-incremental"})
  void nativeCheckpointsBringBackKeyedCountsExactlyOnceAfterLateFailures(String backendName)
      throws Exception {
    // each subtask counts about half the records: it fails after 12,000 of them, late enough that
    // checkpoints (every 20 ms) have completed
    String name = "late-" + backendName + "-" + System.nanoTime();

    JobMaster master =
        runExactlyOnceWithFailures(
            name, backendName, 40_000, Set.of(12_000L), 400_000, "failure at 12,000");

    assertThat(master.restarts()).isPositive();
    assertThat(master.restoredCheckpointId())
        .as("the last attempt started from a checkpoint")
        .isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void savepointsRescaleKeyedStateFrom1To4To2WithIdenticalResults(String backendName)
      throws Exception {
    long records = 30_000;
    String name = "rescale-" + backendName + "-" + System.nanoTime();
    Supplier<StateBackend> backend = () -> backend(backendName);
    String savepoint = runUntilThenStop(name, 1, RestoreSettings.NONE, backend, records);
    savepoint =
        runUntilThenStop(
            name, 4, RestoreSettings.fromSavepoint(savepoint, false), backend, records);
    StreamEnvironment last =
        environment(2, backend, RestoreSettings.fromSavepoint(savepoint, false), null);
    last.enableCheckpointing(Duration.ofMillis(50), CheckpointingMode.EXACTLY_ONCE);
    KeyedCountJob.build(last, name, records, KEYS, 100_000, Set.of());
    assertThat(last.execute(name).status()).isEqualTo(JobStatus.FINISHED);

    assertThat(sorted(ExactlyOnceCollector.<String>committed(name)))
        .containsExactlyElementsOf(sorted(KeyedCountJob.expected(records, KEYS)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap"})
  void stateBackendSwapsHeapToRocksDbAndBackMidStreamLoseAndDuplicateNothing(String first)
      throws Exception {
    long records = 40_000;
    String name = "swap-" + System.nanoTime();
    AtomicReference<StateBackend> selected = new AtomicReference<>(backend(first));
    AtomicReference<JobMaster> master = new AtomicReference<>();
    StreamEnvironment env = environment(2, selected::get, RestoreSettings.NONE, master);
    env.enableCheckpointing(Duration.ofMillis(30), CheckpointingMode.EXACTLY_ONCE);
    KeyedCountJob.build(env, name, records, KEYS, 2_000_000, Set.of());
    AtomicReference<JobResult> result = new AtomicReference<>();
    Thread run = start(env, name, result);

    awaitCommitted(name, 5_000, run);
    selected.set(backend("rocksdb"));
    RedeployResult toRocks = master.get().redeploy("test: heap -> rocksdb").get();
    awaitCommitted(name, 15_000, run);
    selected.set(backend("heap"));
    RedeployResult toHeap = master.get().redeploy("test: rocksdb -> heap").get();
    run.join();

    assertThat(toRocks.oldBackend()).isEqualTo("heap");
    assertThat(toRocks.newBackend()).isEqualTo("rocksdb");
    assertThat(toRocks.savepointPath()).isNotNull();
    assertThat(toHeap.oldBackend()).isEqualTo("rocksdb");
    assertThat(toHeap.newBackend()).isEqualTo("heap");
    assertThat(result.get().status()).isEqualTo(JobStatus.FINISHED);
    assertThat(sorted(ExactlyOnceCollector.<String>committed(name)))
        .containsExactlyElementsOf(sorted(KeyedCountJob.expected(records, KEYS)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void aCorruptLatestCheckpointIsSkippedAndTheJobRecoversFromThePreviousOne(String backendName)
      throws Exception {
    long records = 30_000;
    String name = "corrupt-" + backendName + "-" + System.nanoTime();
    AtomicReference<JobMaster> master = new AtomicReference<>();
    StateBackend backend = backend(backendName);
    StreamEnvironment env = environment(2, () -> backend, RestoreSettings.NONE, master);
    // Periodic checkpoints practically off: the test triggers them, so it knows which is latest.
    env.enableCheckpointing(Duration.ofHours(1), CheckpointingMode.EXACTLY_ONCE);
    env.setCheckpointConfig(env.getCheckpointConfig().withRetainedCheckpoints(3));
    env.setRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ofMillis(5)));
    KeyedCountJob.build(env, name, records, KEYS, 3_000_000, Set.of());
    AtomicReference<JobResult> result = new AtomicReference<>();
    Thread run = start(env, name, result);

    awaitRunning(master);
    CompletedCheckpointInfo previous = triggerWhenRunning(master.get());
    awaitCommitted(name, 1, run);
    CompletedCheckpointInfo latest = triggerWhenRunning(master.get());
    corruptKeyedPieces(Path.of(latest.path()));
    FailurePoints.arm(name);
    run.join();

    assertThat(result.get().status()).isEqualTo(JobStatus.FINISHED);
    assertThat(master.get().restarts()).isEqualTo(1);
    assertThat(master.get().restoredCheckpointId()).isEqualTo(previous.checkpointId());
    // Lines committed with the corrupt checkpoint are produced again after the fallback (its
    // output was already committed); the state itself is exact: every count appears, none skipped.
    assertThat(new TreeSet<>(ExactlyOnceCollector.<String>committed(name)))
        .containsExactlyElementsOf(new TreeSet<>(KeyedCountJob.expected(records, KEYS)));
  }

  private String runUntilThenStop(
      String name,
      int parallelism,
      RestoreSettings restore,
      Supplier<StateBackend> backend,
      long records)
      throws Exception {
    int committedAtLeast = ExactlyOnceCollector.committed(name).size() + 1_000;
    AtomicReference<JobMaster> master = new AtomicReference<>();
    StreamEnvironment env = environment(parallelism, backend, restore, master);
    env.enableCheckpointing(Duration.ofMillis(50), CheckpointingMode.EXACTLY_ONCE);
    KeyedCountJob.build(env, name, records, KEYS, 4_000_000, Set.of());
    AtomicReference<JobResult> result = new AtomicReference<>();
    Thread run = start(env, name, result);
    awaitCommitted(name, committedAtLeast, run);
    String path =
        master.get().stopWithSavepoint(checkpoints.resolve("savepoints").toString()).get().path();
    run.join();
    assertThat(result.get().status()).isEqualTo(JobStatus.FINISHED);
    assertThat(ExactlyOnceCollector.committed(name).size()).isLessThan((int) records);
    return path;
  }

  private StreamEnvironment environment(
      int parallelism,
      Supplier<StateBackend> backend,
      RestoreSettings restore,
      AtomicReference<JobMaster> master) {
    return LocalEnvironment.withCheckpoints(
        ExecutionConfig.defaults().withParallelism(parallelism),
        backend,
        checkpoints,
        restore,
        master);
  }

  static Thread start(StreamEnvironment env, String name, AtomicReference<JobResult> result) {
    Thread run =
        new Thread(
            () -> {
              try {
                result.set(env.execute(name));
              } catch (Exception e) {
                result.set(new JobResult(name, name, JobStatus.FAILED, Duration.ZERO, e));
              }
            });
    run.start();
    return run;
  }

  static void awaitCommitted(String name, int atLeast, Thread run) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (ExactlyOnceCollector.committed(name).size() < atLeast) {
      assertThat(run.isAlive())
          .as("the job ended before %d records were committed", atLeast)
          .isTrue();
      assertThat(System.nanoTime())
          .as("waiting for %d committed records", atLeast)
          .isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static void awaitRunning(AtomicReference<JobMaster> master) throws InterruptedException {
    while (master.get() == null) {
      Thread.sleep(5);
    }
  }

  /** Triggers a checkpoint, retrying while the subtasks are still starting. */
  private static CompletedCheckpointInfo triggerWhenRunning(JobMaster master) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return master.triggerCheckpoint().get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(10);
      }
    }
  }

  /** Flips bytes in the middle of every piece of the checkpoint (not its metadata). */
  private static void corruptKeyedPieces(Path checkpointDir) throws IOException {
    try (Stream<Path> files = Files.list(checkpointDir)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("_")).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 0) {
          bytes[bytes.length / 2] ^= (byte) 0xff;
          Files.write(file, bytes);
        }
      }
    }
  }

  private static <T extends Comparable<T>> List<T> sorted(List<T> values) {
    return values.stream().sorted().toList();
  }
}
