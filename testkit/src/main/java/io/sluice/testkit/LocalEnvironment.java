package io.sluice.testkit;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.StreamEnvironment;
import io.sluice.checkpoint.fs.FsCheckpointStorage;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.runtime.execution.LocalPipelineExecutor;
import io.sluice.runtime.execution.RestoreSettings;
import io.sluice.runtime.execution.RuntimeServices;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import io.sluice.shuffle.local.LocalShuffleService;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.shuffle.ShuffleSettings;
import io.sluice.spi.state.StateBackend;
import io.sluice.state.heap.HeapStateBackend;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A {@link StreamEnvironment} that runs jobs in this JVM on the real runtime, local shuffle and
 * heap state, without an OSGi framework: what tests and examples' unit tests use.
 *
 * <pre>{@code
 * StreamEnvironment env = LocalEnvironment.create(4);
 * CollectSink<String> out = new CollectSink<>();
 * env.fromElements("a", "b").map(String::toUpperCase).sinkTo(out);
 * env.execute("test");
 * }</pre>
 */
public final class LocalEnvironment {
  private static final AtomicInteger JOB_IDS = new AtomicInteger();

  /** Slots of a local environment's task executor. */
  public static final int LOCAL_SLOTS = 64;

  private LocalEnvironment() {}

  public static StreamEnvironment create(int parallelism) {
    return create(parallelism, new LocalShuffleService(), new HeapStateBackend());
  }

  public static StreamEnvironment create(
      int parallelism, ShuffleService shuffle, StateBackend stateBackend) {
    return create(
        ExecutionConfig.defaults().withParallelism(parallelism), shuffle, stateBackend, null);
  }

  /**
   * The general form.
   *
   * @param lastExecution if not null, receives each execution (to cancel it from a test)
   */
  public static StreamEnvironment create(
      ExecutionConfig config,
      ShuffleService shuffle,
      StateBackend stateBackend,
      AtomicReference<JobMaster> lastExecution) {
    return create(config, shuffle, stateBackend, null, RestoreSettings.NONE, lastExecution);
  }

  /**
   * An environment whose jobs checkpoint into {@code checkpointDirectory} (on the file system
   * storage) and may start from a savepoint.
   *
   * @param backend the state backend (a {@code Supplier} lets a test swap it between attempts)
   */
  public static StreamEnvironment withCheckpoints(
      ExecutionConfig config,
      Supplier<StateBackend> backend,
      Path checkpointDirectory,
      RestoreSettings restore,
      AtomicReference<JobMaster> lastExecution) {
    FsCheckpointStorage storage = new FsCheckpointStorage(checkpointDirectory);
    LocalShuffleService shuffle = new LocalShuffleService();
    TaskExecutor slots = new TaskExecutor("local", Math.max(LOCAL_SLOTS, config.parallelism()));
    Supplier<RuntimeServices> services =
        () ->
            new RuntimeServices(shuffle, backend.get(), ShuffleSettings.defaults(), slots, storage);
    return environment(config, services, restore, lastExecution);
  }

  /**
   * The general form with a checkpoint storage.
   *
   * @param storage where checkpoints go, or null for none
   */
  public static StreamEnvironment create(
      ExecutionConfig config,
      ShuffleService shuffle,
      StateBackend stateBackend,
      CheckpointStorage storage,
      RestoreSettings restore,
      AtomicReference<JobMaster> lastExecution) {
    // Enough slots for the job's highest parallelism (operators may raise it above the default).
    RuntimeServices services =
        RuntimeServices.of(
            shuffle, stateBackend, Math.max(LOCAL_SLOTS, config.parallelism()), storage);
    return environment(config, () -> services, restore, lastExecution);
  }

  private static StreamEnvironment environment(
      ExecutionConfig config,
      Supplier<RuntimeServices> services,
      RestoreSettings restore,
      AtomicReference<JobMaster> lastExecution) {
    String jobId = "local-" + JOB_IDS.incrementAndGet();
    return new StreamEnvironment(
        new LocalPipelineExecutor(
            jobId,
            services,
            Thread.currentThread().getContextClassLoader(),
            execution -> {
              if (lastExecution != null) {
                lastExecution.set(execution);
              }
            },
            restore),
        config);
  }
}
