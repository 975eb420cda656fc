package io.sluice.testkit;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.StreamEnvironment;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.runtime.execution.LocalPipelineExecutor;
import io.sluice.runtime.execution.RuntimeServices;
import io.sluice.shuffle.local.LocalShuffleService;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.state.StateBackend;
import io.sluice.state.heap.HeapStateBackend;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
    // Enough slots for the job's highest parallelism (operators may raise it above the default).
    RuntimeServices services =
        RuntimeServices.of(shuffle, stateBackend, Math.max(LOCAL_SLOTS, config.parallelism()));
    String jobId = "local-" + JOB_IDS.incrementAndGet();
    return new StreamEnvironment(
        new LocalPipelineExecutor(
            jobId,
            () -> services,
            Thread.currentThread().getContextClassLoader(),
            execution -> {
              if (lastExecution != null) {
                lastExecution.set(execution);
              }
            }),
        config);
  }
}
