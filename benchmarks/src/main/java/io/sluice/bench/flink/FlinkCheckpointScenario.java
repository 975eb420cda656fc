package io.sluice.bench.flink;

import io.sluice.bench.checkpoint.JobProbe;
import io.sluice.bench.common.Json;
import io.sluice.bench.common.StateBackendKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.CheckpointType;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.checkpoint.SubtaskStateStats;
import org.apache.flink.runtime.checkpoint.TaskStateStats;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The Flink side of the checkpoint benchmark: the same job (gated source → keyBy → count per key in
 * {@code ValueState<Long>}, parallelism 1) on a MiniCluster with file system checkpoint storage,
 * once per backend — {@code hashmap}, {@code rocksdb} with full snapshots, {@code rocksdb} with
 * incremental checkpoints — filled with {@code keys} keys, then {@code checkpoints} checkpoints
 * with {@code changePercent} % of the keys changed before all but the first. Durations and sizes
 * come from Flink's own checkpoint statistics. Flink cannot swap the backend of a running job, so
 * there are no swap figures. Confined to the calling thread.
 */
public final class FlinkCheckpointScenario {
  private static final Duration WAIT_LIMIT = Duration.ofMinutes(10);

  private final int keys;
  private final int checkpoints;
  private final int changedKeys;
  private final long rocksDbBudgetMb;
  private final Path workDirectory;
  private final Json.ObjectBuilder result = Json.object();

  public FlinkCheckpointScenario(
      int keys, int checkpoints, double changePercent, long rocksDbBudgetMb, Path workDirectory) {
    this.keys = keys;
    this.checkpoints = checkpoints;
    this.changedKeys = (int) Math.max(1, Math.round(keys * changePercent / 100.0));
    this.rocksDbBudgetMb = rocksDbBudgetMb;
    this.workDirectory = workDirectory;
  }

  /** Runs the three backends in turn and returns the measurements, one flat JSON object. */
  public Json.ObjectBuilder run() throws Exception {
    result.put("keys", keys).put("checkpointsPerBackend", checkpoints);
    result.put("changedKeysPerCheckpoint", changedKeys).put("rocksDbBudgetMb", rocksDbBudgetMb);
    measure("heap", StateBackendKind.HEAP, false);
    measure("rocksdbFull", StateBackendKind.ROCKSDB, false);
    measure("rocksdbIncremental", StateBackendKind.ROCKSDB, true);
    return result;
  }

  private void measure(String label, StateBackendKind backend, boolean incremental)
      throws Exception {
    String jobName = "flink-checkpoint-bench-" + label + "-" + System.nanoTime();
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, "0");
    FlinkStateBackends.configure(conf, backend, rocksDbBudgetMb, incremental);
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        workDirectory.resolve("flink-" + label).toUri().toString());
    MiniClusterConfiguration cluster =
        new MiniClusterConfiguration.Builder()
            .setConfiguration(conf)
            .setNumTaskManagers(1)
            .setNumSlotsPerTaskManager(1)
            .build();
    JobProbe probe = JobProbe.of(jobName);
    try (MiniCluster miniCluster = new MiniCluster(cluster)) {
      miniCluster.start();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(1);
      env.enableCheckpointing(Duration.ofHours(1).toMillis());
      long keyCount = keys;
      env.fromSource(
              new GatedIndexSource(jobName),
              org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(),
              "indices")
          .keyBy(i -> i % keyCount)
          .process(new CountPerKey(jobName))
          .sinkTo(new DiscardingSink<>());
      JobID job = miniCluster.submitJob(env.getStreamGraph().getJobGraph()).get().getJobID();
      long fillStart = System.nanoTime();
      feed(probe, keys, miniCluster, job);
      result.put("fillMs." + label, (System.nanoTime() - fillStart) / 1e6);
      for (int i = 1; i <= checkpoints; i++) {
        if (i > 1) {
          feed(probe, changedKeys, miniCluster, job);
        }
        long id = trigger(miniCluster, job);
        AbstractCheckpointStats stats = completedStats(miniCluster, job, id);
        long sync = 0;
        long async = 0;
        for (TaskStateStats task : stats.getAllTaskStateStats()) {
          for (SubtaskStateStats subtask : task.getSubtaskStats()) {
            if (subtask != null) {
              sync += Math.max(0, subtask.getSyncCheckpointDuration());
              async += Math.max(0, subtask.getAsyncCheckpointDuration());
            }
          }
        }
        String prefix = label + ".ckpt" + i + ".";
        result
            .put(prefix + "ms", (double) stats.getEndToEndDuration())
            .put(prefix + "syncMs", (double) sync)
            .put(prefix + "asyncMs", (double) async)
            .put(prefix + "totalBytes", stats.getStateSize() + stats.getMetadataSize())
            .put(prefix + "writtenBytes", stats.getCheckpointedSize() + stats.getMetadataSize());
        System.err.printf(
            "flink %s checkpoint %d: %d ms, %d bytes (%d written)%n",
            label,
            i,
            stats.getEndToEndDuration(),
            stats.getStateSize(),
            stats.getCheckpointedSize());
      }
      miniCluster.cancelJob(job).get();
    } finally {
      JobProbe.remove(jobName);
    }
  }

  private static long trigger(MiniCluster miniCluster, JobID job) throws Exception {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (true) {
      try {
        return miniCluster.triggerCheckpoint(job, CheckpointType.CONFIGURED).get();
      } catch (ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20); // the tasks may still be starting
      }
    }
  }

  /** The statistics of completed checkpoint {@code id} (they may trail the trigger's future). */
  private static AbstractCheckpointStats completedStats(MiniCluster miniCluster, JobID job, long id)
      throws Exception {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (true) {
      AbstractCheckpointStats stats =
          miniCluster
              .getExecutionGraph(job)
              .get()
              .getCheckpointStatsSnapshot()
              .getHistory()
              .getCheckpointById(id);
      if (stats != null && stats.getStatus() == CheckpointStatsStatus.COMPLETED) {
        return stats;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no statistics for completed checkpoint " + id);
      }
      Thread.sleep(5);
    }
  }

  private static void feed(JobProbe probe, long count, MiniCluster miniCluster, JobID job)
      throws Exception {
    probe.release(count);
    long target = probe.released();
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (probe.processed() < target) {
      JobStatus status = miniCluster.getJobStatus(job).get();
      if (status.isGloballyTerminalState()) {
        throw new IllegalStateException("the Flink job ended (" + status + ") while filling");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + target + " records");
      }
      Thread.sleep(2);
    }
  }
}
