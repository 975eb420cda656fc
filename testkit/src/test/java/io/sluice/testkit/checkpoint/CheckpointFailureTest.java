package io.sluice.testkit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.checkpoint.CheckpointingMode;
import io.sluice.api.checkpoint.RestartStrategy;
import io.sluice.checkpoint.fs.FsCheckpointStorage;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.runtime.execution.RestoreSettings;
import io.sluice.shuffle.local.LocalShuffleService;
import io.sluice.spi.checkpoint.CheckpointHandle;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.checkpoint.CompletedCheckpoint;
import io.sluice.spi.checkpoint.LatestValid;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import io.sluice.state.heap.HeapStateBackend;
import io.sluice.testkit.LocalEnvironment;
import io.sluice.testkit.failover.ExactlyOnceCollector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when checkpoints themselves go wrong, and the at-least-once mode. */
class CheckpointFailureTest {
  private static final int KEYS = 20;

  @TempDir Path checkpoints;

  @Test
  void aCrashWhileACheckpointIsWrittenLeavesNoCheckpointAndTheJobRecoversExactlyOnce()
      throws Exception {
    long records = 20_000;
    String name = "crash-" + System.nanoTime();
    CrashingStorage storage = new CrashingStorage(new FsCheckpointStorage(checkpoints), 3);
    AtomicReference<JobMaster> master = new AtomicReference<>();
    StreamEnvironment env =
        LocalEnvironment.create(
            ExecutionConfig.defaults().withParallelism(2),
            new LocalShuffleService(),
            new HeapStateBackend(),
            storage,
            RestoreSettings.NONE,
            master);
    env.enableCheckpointing(Duration.ofMillis(30), CheckpointingMode.EXACTLY_ONCE);
    // No failed checkpoint tolerated: the crash fails the job, which restarts from checkpoint 2.
    env.setCheckpointConfig(env.getCheckpointConfig().withTolerableFailures(0));
    env.setRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ofMillis(5)));
    KeyedCountJob.build(env, name, records, KEYS, 2_000_000, Set.of());

    JobResult result = env.execute(name);

    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(storage.crashed).as("the storage crashed while writing checkpoint 3").isTrue();
    assertThat(master.get().restarts()).isEqualTo(1);
    assertThat(master.get().restoredCheckpointId()).isLessThan(3);
    assertThat(storage.completedCheckpoints(result.jobId())).doesNotContain(3L);
    assertThat(ExactlyOnceCollector.<String>committed(name).stream().sorted().toList())
        .containsExactlyElementsOf(
            KeyedCountJob.expected(records, KEYS).stream().sorted().toList());
  }

  @Test
  void atLeastOnceModeLosesNothingUnderFailures() throws Exception {
    long records = 20_000;
    String name = "at-least-once-" + System.nanoTime();
    AtomicReference<JobMaster> master = new AtomicReference<>();
    StreamEnvironment env =
        LocalEnvironment.withCheckpoints(
            ExecutionConfig.defaults().withParallelism(3),
            HeapStateBackend::new,
            checkpoints,
            RestoreSettings.NONE,
            master);
    env.enableCheckpointing(Duration.ofMillis(20), CheckpointingMode.AT_LEAST_ONCE);
    env.setRestartStrategy(RestartStrategy.fixedDelay(10, Duration.ofMillis(5)));
    KeyedCountJob.build(env, name, records, KEYS, 1_000_000, Set.of(500L, 2_500L));

    JobResult result = env.execute(name);

    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(master.get().restarts()).isPositive();
    // Every line of the exactly-once output is there; records replayed after a failure may have
    // been counted twice, so higher counts may follow.
    assertThat(new HashSet<>(ExactlyOnceCollector.<String>committed(name)))
        .containsAll(KeyedCountJob.expected(records, KEYS));
  }

  @Test
  void aSourceWhoseSplitsCannotBeCheckpointedFailsTheJobWithAClearMessage() throws Exception {
    StreamEnvironment env =
        LocalEnvironment.withCheckpoints(
            ExecutionConfig.defaults().withParallelism(1),
            HeapStateBackend::new,
            checkpoints,
            RestoreSettings.NONE,
            new AtomicReference<>());
    env.enableCheckpointing(Duration.ofMillis(10), CheckpointingMode.EXACTLY_ONCE);
    env.setRestartStrategy(RestartStrategy.none());
    ExactlyOnceCollector.collect(
        env.fromSource(
            new UnserializableSplitSource(),
            io.sluice.api.eventtime.WatermarkStrategy.noWatermarks(),
            "opaque"),
        "opaque-" + System.nanoTime());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.execute("opaque"))
        .isInstanceOf(io.sluice.api.JobExecutionException.class)
        .satisfies(
            e ->
                assertThat(
                        String.valueOf(
                            ((io.sluice.api.JobExecutionException) e).getResult().failure()))
                    .contains("consecutive checkpoints failed")
                    .contains(OpaqueSplit.class.getName())
                    .contains("Serializable"));
  }

  /** A split that is not Serializable and has no serializer of its own. */
  record OpaqueSplit(long next) implements io.sluice.api.connector.source.SourceSplit {
    @Override
    public String splitId() {
      return "opaque";
    }
  }

  /** Emits numbers forever from one {@link OpaqueSplit}. */
  static final class UnserializableSplitSource
      implements io.sluice.api.connector.source.Source<Long, OpaqueSplit, List<OpaqueSplit>> {
    private static final long serialVersionUID = 1L;

    @Override
    public io.sluice.api.connector.source.Boundedness getBoundedness() {
      return io.sluice.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public io.sluice.api.connector.source.SplitEnumerator<OpaqueSplit, List<OpaqueSplit>>
        createEnumerator(
            io.sluice.api.connector.source.SplitEnumeratorContext<OpaqueSplit> context) {
      return new io.sluice.api.connector.source.util.StaticSplitEnumerator<>(
          context, List.of(new OpaqueSplit(0)));
    }

    @Override
    public io.sluice.api.connector.source.SourceReader<Long, OpaqueSplit> createReader(
        io.sluice.api.connector.source.SourceReaderContext context) {
      return new io.sluice.api.connector.source.util.SplitQueueReader<>(context) {
        private long next;

        @Override
        protected void openSplit(OpaqueSplit split) {
          next = split.next();
        }

        @Override
        protected boolean readRecords(io.sluice.api.connector.source.ReaderOutput<Long> output) {
          output.collect(next++);
          java.util.concurrent.locks.LockSupport.parkNanos(100_000);
          return true;
        }

        @Override
        protected void closeSplit() {}

        @Override
        protected OpaqueSplit currentPosition() {
          return new OpaqueSplit(next);
        }
      };
    }
  }

  /**
   * A storage whose pieces of one checkpoint fail halfway through writing, as when the process dies
   * or the disk fills while the checkpoint is written.
   */
  private static final class CrashingStorage implements CheckpointStorage {
    private final CheckpointStorage delegate;
    private final long crashAt;
    volatile boolean crashed;

    CrashingStorage(CheckpointStorage delegate, long crashAt) {
      this.delegate = delegate;
      this.crashAt = crashAt;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public StateOutputStream createStateStream(String jobId, long checkpointId, String pieceName)
        throws IOException {
      StateOutputStream real = delegate.createStateStream(jobId, checkpointId, pieceName);
      if (checkpointId != crashAt) {
        return real;
      }
      return new StateOutputStream() {
        private int written;

        @Override
        public void write(int b) throws IOException {
          crashIfHalfway(1);
          real.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          crashIfHalfway(len);
          real.write(b, off, len);
        }

        private void crashIfHalfway(int len) throws IOException {
          written += len;
          if (written > 8) {
            crashed = true;
            throw new IOException("simulated crash while writing " + pieceName);
          }
        }

        @Override
        public StateHandle closeAndGetHandle() throws IOException {
          crashed = true;
          throw new IOException("simulated crash before " + pieceName + " was complete");
        }

        @Override
        public void close() throws IOException {
          real.close();
        }
      };
    }

    @Override
    public InputStream openStateStream(StateHandle piece) throws IOException {
      return delegate.openStateStream(piece);
    }

    @Override
    public CheckpointHandle commitMetadata(
        String jobId, long checkpointId, List<StateHandle> pieces, byte[] metadata)
        throws IOException {
      return delegate.commitMetadata(jobId, checkpointId, pieces, metadata);
    }

    @Override
    public CompletedCheckpoint readMetadata(String jobId, long checkpointId) throws IOException {
      return delegate.readMetadata(jobId, checkpointId);
    }

    @Override
    public List<Long> completedCheckpoints(String jobId) throws IOException {
      return delegate.completedCheckpoints(jobId);
    }

    @Override
    public LatestValid latestValid(String jobId) throws IOException {
      return delegate.latestValid(jobId);
    }

    @Override
    public List<Long> retain(String jobId, int count) throws IOException {
      return delegate.retain(jobId, count);
    }

    @Override
    public void discard(String jobId, long checkpointId) throws IOException {
      delegate.discard(jobId, checkpointId);
    }

    @Override
    public CheckpointStorage atDirectory(String directory) throws IOException {
      return delegate.atDirectory(directory);
    }

    @Override
    public String pathOf(CheckpointHandle handle) {
      return delegate.pathOf(handle);
    }

    @Override
    public OpenedCheckpoint openCompleted(String path) throws IOException {
      return delegate.openCompleted(path);
    }
  }
}
