package io.sluice.testkit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.checkpoint.CheckpointingMode;
import io.sluice.api.checkpoint.RestartStrategy;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.runtime.execution.RestoreSettings;
import io.sluice.state.heap.HeapStateBackend;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.failover.ExactlyOnceCollector;
import io.sluice.testkit.failover.FailurePoints;
import io.sluice.testkit.failover.SequenceSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints, failover and savepoints of jobs without keyed state, record by record. */
class FailoverTest {
  @TempDir Path checkpoints;

  private static final long RECORDS = 30_000;

  @Test
  void taskFailuresRestartFromTheLatestCheckpointAndOutputIsExactlyOnce() throws Exception {
    String name = "failover-" + System.nanoTime();
    AtomicReference<JobMaster> master = new AtomicReference<>();
    StreamEnvironment env = environment(2, RestoreSettings.NONE, master);
    env.enableCheckpointing(Duration.ofMillis(20), CheckpointingMode.EXACTLY_ONCE);
    env.setRestartStrategy(RestartStrategy.fixedDelay(10, Duration.ofMillis(10)));
    pipeline(env, name, new long[] {1_000, 4_000, 9_000});

    JobResult result = env.execute(name);

    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(master.get().restarts()).isGreaterThanOrEqualTo(3);
    assertThat(master.get().latestCheckpoint()).isNotNull();
    assertEveryRecordOnce(ExactlyOnceCollector.<Long>committed(name));
  }

  @Test
  void stopWithSavepointThenResumeFromItGivesEveryRecordOnce() throws Exception {
    String name = "savepoint-" + System.nanoTime();
    AtomicReference<JobMaster> master = new AtomicReference<>();
    StreamEnvironment first = environment(2, RestoreSettings.NONE, master);
    first.enableCheckpointing(Duration.ofMillis(50), CheckpointingMode.EXACTLY_ONCE);
    pipeline(first, name, new long[0]);
    AtomicReference<JobResult> firstResult = new AtomicReference<>();
    Thread run = new Thread(() -> firstResult.set(executeQuietly(first, name)));
    run.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (ExactlyOnceCollector.committed(name).isEmpty()) {
      assertThat(System.nanoTime()).as("nothing committed within 60 s").isLessThan(deadline);
      assertThat(run.isAlive()).as("job ended early: " + firstResult.get()).isTrue();
      Thread.sleep(5);
    }
    String savepoint =
        master.get().stopWithSavepoint(checkpoints.resolve("savepoints").toString()).get().path();
    run.join();
    assertThat(firstResult.get().status()).isEqualTo(JobStatus.FINISHED);
    int committedBefore = ExactlyOnceCollector.committed(name).size();
    assertThat(committedBefore).isBetween(1, (int) RECORDS - 1);

    StreamEnvironment second =
        environment(3, RestoreSettings.fromSavepoint(savepoint, false), new AtomicReference<>());
    second.enableCheckpointing(Duration.ofMillis(50), CheckpointingMode.EXACTLY_ONCE);
    pipeline(second, name, new long[0]);
    assertThat(second.execute(name).status()).isEqualTo(JobStatus.FINISHED);

    assertEveryRecordOnce(ExactlyOnceCollector.<Long>committed(name));
  }

  private StreamEnvironment environment(
      int parallelism, RestoreSettings restore, AtomicReference<JobMaster> master) {
    return LocalEnvironment.withCheckpoints(
        ExecutionConfig.defaults().withParallelism(parallelism),
        HeapStateBackend::new,
        checkpoints,
        restore,
        master);
  }

  private static void pipeline(StreamEnvironment env, String name, long[] failAt) {
    ExactlyOnceCollector.collect(
        env.fromSource(
                new SequenceSource(RECORDS, 6, 50, 1_000_000),
                WatermarkStrategy.noWatermarks(),
                "seq")
            .uid("seq")
            .map(new FailingIdentity(name, failAt))
            .uid("fail")
            .rebalance(),
        name);
  }

  private static JobResult executeQuietly(StreamEnvironment env, String name) {
    try {
      return env.execute(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertEveryRecordOnce(List<Long> committed) {
    assertThat(committed.stream().sorted().toList())
        .containsExactlyElementsOf(LongStream.range(0, RECORDS).boxed().toList());
  }

  /** Passes records on; throws once at each of its subtask's failure points. */
  static final class FailingIdentity implements MapFunction<Long, Long>, RichFunction {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final long[] failAt;
    private long seen;
    private int subtask;

    @Override
    public void open(RuntimeContext context) {
      subtask = context.getIndexOfThisSubtask();
    }

    FailingIdentity(String name, long[] failAt) {
      this.name = name;
      this.failAt = failAt;
    }

    @Override
    public Long map(Long value) {
      seen++;
      for (long point : failAt) {
        String where = name + "/" + subtask;
        if (seen == point && FailurePoints.shouldFail(where, point)) {
          throw new IllegalStateException("injected failure at record " + point);
        }
      }
      return value;
    }
  }
}
