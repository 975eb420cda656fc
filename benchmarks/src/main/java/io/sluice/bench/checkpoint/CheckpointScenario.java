package io.sluice.bench.checkpoint;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.checkpoint.CheckpointingMode;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.bench.common.Json;
import io.sluice.bench.common.StateBackendKind;
import io.sluice.bench.sluice.SluiceStateBackends;
import io.sluice.runtime.checkpoint.CompletedCheckpointInfo;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.runtime.execution.RedeployResult;
import io.sluice.runtime.execution.RestoreSettings;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.StateBackend;
import io.sluice.state.heap.HeapStateBackend;
import io.sluice.state.rocksdb.CheckpointFormat;
import io.sluice.testkit.LocalEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * One run of the checkpoint benchmark on the real runtime ({@link LocalEnvironment} with file
 * system checkpoint storage): a job keeps a count per key for {@code keys} keys; the driver fills
 * the state, then takes {@code checkpoints} checkpoints on each backend, changing {@code
 * changePercent} % of the keys before every checkpoint but the first, and moves the running job
 * between backends with {@link JobMaster#redeploy}: heap → RocksDB (canonical checkpoints) →
 * RocksDB (native full checkpoints) → RocksDB (incremental checkpoints) → heap. Every phase waits
 * until the job has processed all it was given, so each checkpoint sees a quiet, known state.
 * Results are one flat JSON object.
 *
 * <p>Confined to the calling thread (the job runs on its own threads).
 */
final class CheckpointScenario {
  private static final Duration WAIT_LIMIT = Duration.ofMinutes(10);

  private final int keys;
  private final int checkpoints;
  private final double changePercent;
  private final long rocksDbBudgetMb;
  private final Path workDirectory;
  private final String jobName = "checkpoint-bench-" + System.nanoTime();
  private final SnapshotTimings timings = new SnapshotTimings();
  private final AtomicReference<StateBackend> selected = new AtomicReference<>();
  private final AtomicReference<JobMaster> master = new AtomicReference<>();
  private final List<StateBackend> opened = new ArrayList<>();
  private final Json.ObjectBuilder result = Json.object();
  private List<StateHandle> previousPieces = List.of();

  CheckpointScenario(
      int keys, int checkpoints, double changePercent, long rocksDbBudgetMb, Path workDirectory) {
    if (keys < 100 || checkpoints < 1 || changePercent <= 0 || changePercent > 100) {
      throw new IllegalArgumentException(
          "need at least 100 keys, one checkpoint and a change of (0, 100] percent");
    }
    this.keys = keys;
    this.checkpoints = checkpoints;
    this.changePercent = changePercent;
    this.rocksDbBudgetMb = rocksDbBudgetMb;
    this.workDirectory = workDirectory;
  }

  /** Runs every phase and returns the measurements, one flat JSON object. */
  Json.ObjectBuilder run() throws Exception {
    Path checkpointDir = workDirectory.resolve("checkpoints");
    selected.set(timed(new HeapStateBackend()));
    StreamEnvironment env =
        LocalEnvironment.withCheckpoints(
            ExecutionConfig.defaults().withParallelism(1),
            selected::get,
            checkpointDir,
            RestoreSettings.NONE,
            master);
    // The driver triggers every checkpoint; the periodic ones are practically off.
    env.enableCheckpointing(Duration.ofHours(1), CheckpointingMode.EXACTLY_ONCE);
    env.setCheckpointConfig(
        env.getCheckpointConfig().withTimeout(WAIT_LIMIT).withRetainedCheckpoints(2));
    long keyCount = keys; // the key selector captures this, not the scenario
    env.fromSource(new GatedIndexSource(jobName), WatermarkStrategy.noWatermarks(), "indices")
        .uid("indices")
        .keyBy(i -> i % keyCount)
        .process(new CountPerKey(jobName))
        .uid("count-per-key")
        .sinkTo(new DiscardingSink());
    JobProbe probe = JobProbe.of(jobName);
    AtomicReference<JobResult> ended = new AtomicReference<>();
    Thread driver = new Thread(() -> ended.set(execute(env)), "checkpoint-bench-job");
    driver.start();
    try {
      result.put("keys", keys).put("checkpointsPerBackend", checkpoints);
      result.put("changedKeysPerCheckpoint", changedKeys()).put("rocksDbBudgetMb", rocksDbBudgetMb);
      long fillStart = System.nanoTime();
      feed(probe, keys, ended);
      result.put("fillMs", millis(System.nanoTime() - fillStart));

      checkpoints("heap", probe, ended);
      swap("heapToRocksdb", rocksDb(CheckpointFormat.CANONICAL), probe, ended);
      checkpoints("rocksdbFull", probe, ended);
      swap("rocksdbToNative", rocksDb(CheckpointFormat.NATIVE_FULL), probe, ended);
      checkpoints("rocksdbNative", probe, ended);
      swap(
          "rocksdbNativeToIncremental", rocksDb(CheckpointFormat.NATIVE_INCREMENTAL), probe, ended);
      checkpoints("rocksdbIncremental", probe, ended);
      swap("rocksdbToHeap", timed(new HeapStateBackend()), probe, ended);
      result.put("recordsProcessed", probe.processed());
      if (probe.processed() != probe.released()) {
        throw new IllegalStateException(
            "processed " + probe.processed() + " records, released " + probe.released());
      }
    } finally {
      JobMaster running = master.get();
      if (running != null) {
        running.cancel();
      }
      driver.join(WAIT_LIMIT.toMillis());
      for (StateBackend backend : opened) {
        SluiceStateBackends.close(backend);
      }
      JobProbe.remove(jobName);
    }
    return result;
  }

  private int changedKeys() {
    return (int) Math.max(1, Math.round(keys * changePercent / 100.0));
  }

  private StateBackend timed(StateBackend backend) {
    return new TimedStateBackend(backend, timings);
  }

  private StateBackend rocksDb(CheckpointFormat checkpointFormat) {
    StateBackend backend =
        SluiceStateBackends.create(
            StateBackendKind.ROCKSDB,
            workDirectory.resolve("rocksdb-" + opened.size()),
            rocksDbBudgetMb,
            checkpointFormat);
    opened.add(backend);
    return timed(backend);
  }

  /** Takes the checkpoints of one backend, changing some keys before all but the first. */
  private void checkpoints(String label, JobProbe probe, AtomicReference<JobResult> ended)
      throws Exception {
    for (int i = 1; i <= checkpoints; i++) {
      if (i > 1) {
        feed(probe, changedKeys(), ended);
      }
      CompletedCheckpointInfo info = trigger(ended);
      List<StateHandle> pieces = info.metadata().pieces();
      long metadataBytes = Files.size(Path.of(info.path()).resolve("_metadata"));
      CheckpointFootprint footprint = CheckpointFootprint.of(pieces, metadataBytes, previousPieces);
      previousPieces = pieces;
      String prefix = label + ".ckpt" + i + ".";
      result
          .put(prefix + "ms", millis(info.duration().toNanos()))
          .put(prefix + "syncMs", millis(timings.syncNanos(info.checkpointId())))
          .put(prefix + "asyncMs", millis(timings.asyncNanos(info.checkpointId())))
          .put(prefix + "keyedBytes", timings.keyedBytes(info.checkpointId()))
          .put(prefix + "totalBytes", footprint.totalBytes())
          .put(prefix + "writtenBytes", footprint.writtenBytes())
          .put(prefix + "pieces", footprint.pieces());
      System.err.printf(
          "%s checkpoint %d: %d ms, %d bytes (%d written)%n",
          label, i, info.duration().toMillis(), footprint.totalBytes(), footprint.writtenBytes());
    }
  }

  /** Moves the running job onto {@code next} through a savepoint and waits until it reopened. */
  private void swap(
      String label, StateBackend next, JobProbe probe, AtomicReference<JobResult> ended)
      throws Exception {
    timings.takeRestoreNanos();
    selected.set(next);
    long start = System.nanoTime();
    RedeployResult redeploy = master.get().redeploy("benchmark: " + label).get();
    awaitTrue(() -> probe.lastOpenNanos() > start ? 1 : 0, "the job to reopen", ended);
    long reopened = probe.lastOpenNanos() - start;
    previousPieces = List.of();
    String prefix = "swap." + label + ".";
    result
        .put(prefix + "from", redeploy.oldBackend())
        .put(prefix + "to", redeploy.newBackend())
        .put(prefix + "redeployMs", millis(redeploy.duration().toNanos()))
        .put(prefix + "untilOpenMs", millis(reopened))
        .put(prefix + "restoreMs", millis(timings.takeRestoreNanos()))
        .put(prefix + "savepointBytes", folderBytes(Path.of(redeploy.savepointPath())));
    System.err.printf(
        "swap %s: %s -> %s, redeploy %d ms, reopened after %d ms%n",
        label,
        redeploy.oldBackend(),
        redeploy.newBackend(),
        redeploy.duration().toMillis(),
        reopened / 1_000_000);
  }

  /** Releases {@code count} more indices and waits until the keyed function processed them. */
  private static void feed(JobProbe probe, long count, AtomicReference<JobResult> ended)
      throws InterruptedException {
    probe.release(count);
    long target = probe.released();
    awaitTrue(() -> probe.processed() >= target ? 1 : 0, target + " records processed", ended);
  }

  /** Triggers a checkpoint, retrying while a new deployment is still starting. */
  private CompletedCheckpointInfo trigger(AtomicReference<JobResult> ended) throws Exception {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (true) {
      JobMaster running = master.get();
      try {
        if (running != null) {
          return running.triggerCheckpoint().get();
        }
      } catch (ExecutionException e) {
        if (System.nanoTime() > deadline || ended.get() != null) {
          throw e;
        }
      }
      Thread.sleep(10);
    }
  }

  private static void awaitTrue(
      LongSupplier condition, String what, AtomicReference<JobResult> ended)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (condition.getAsLong() == 0) {
      JobResult result = ended.get();
      if (result != null) {
        throw new IllegalStateException(
            "the job ended (" + result.status() + ") while waiting for " + what, result.failure());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + WAIT_LIMIT + " waiting for " + what);
      }
      Thread.sleep(2);
    }
  }

  private JobResult execute(StreamEnvironment env) {
    try {
      return env.execute(jobName);
    } catch (Exception e) {
      return new JobResult(jobName, jobName, JobStatus.FAILED, Duration.ZERO, e);
    }
  }

  static long folderBytes(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      long total = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  private static double millis(long nanos) {
    return nanos < 0 ? -1 : nanos / 1e6;
  }

  /** Discards the (empty) output. */
  private static final class DiscardingSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Long> createWriter(InitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Long element, Context ctx) {}

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
