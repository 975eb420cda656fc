package io.sluice.runtime.execution;

import io.sluice.api.ExecutionConfig;
import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.graph.SourceTransformation;
import io.sluice.runtime.checkpoint.CheckpointAttempt;
import io.sluice.runtime.checkpoint.CheckpointCoordinator;
import io.sluice.runtime.checkpoint.RestorePlan;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.JobVertex;
import io.sluice.runtime.graph.StreamEdge;
import io.sluice.runtime.source.SourceCoordinator;
import io.sluice.runtime.task.OperatorException;
import io.sluice.runtime.task.StreamTask;
import io.sluice.runtime.task.TaskCheckpointing;
import io.sluice.runtime.task.TaskDeployment;
import io.sluice.runtime.task.TaskInfo;
import io.sluice.runtime.task.TaskListener;
import io.sluice.runtime.time.ProcessingTimeService;
import io.sluice.runtime.time.SystemProcessingTimeService;
import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.InputGateDescriptor;
import io.sluice.spi.shuffle.ResultPartitionDescriptor;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a job graph: deploys every subtask (partitions first, then gates, then threads), waits
 * until all finish or the first fails, then cancels the rest and releases everything. The first
 * error wins; later ones (usually consequences) are dropped.
 */
public final class JobExecution implements TaskListener {
  private static final long CANCEL_GRACE_MILLIS = 30_000;

  private final String jobId;
  private final JobGraph graph;
  private final RuntimeServices services;
  private final ExecutionConfig config;
  private final ClassLoader userClassLoader;
  private final List<StreamTask> tasks = new ArrayList<>();
  private final List<SourceCoordinator<?>> coordinators = new ArrayList<>();
  private final CheckpointCoordinator checkpoints;
  private final RestorePlan restore;
  private final java.util.function.Consumer<JobExecution> onRunning;
  private java.util.concurrent.ExecutorService asyncWriter;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean canceled;
  private CountDownLatch remaining;
  private final java.util.concurrent.atomic.AtomicInteger reachedEnd =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param checkpoints the job's checkpoint coordinator
   * @param restore the checkpoint this attempt starts from, or null
   * @param onRunning told once every subtask has been started
   */
  public JobExecution(
      String jobId,
      JobGraph graph,
      RuntimeServices services,
      ExecutionConfig config,
      ClassLoader userClassLoader,
      CheckpointCoordinator checkpoints,
      RestorePlan restore,
      java.util.function.Consumer<JobExecution> onRunning) {
    this.checkpoints = java.util.Objects.requireNonNull(checkpoints, "checkpoints");
    this.restore = restore;
    this.onRunning = onRunning;
    this.jobId = jobId;
    this.graph = graph;
    this.services = services;
    this.config = config;
    this.userClassLoader = userClassLoader;
  }

  /** The name given to {@code execute(name)}. */
  public String jobName() {
    return graph.streamGraph().jobName();
  }

  /** Runs the job to its end on the calling thread's watch. */
  public JobResult run() {
    long start = System.nanoTime();
    ProcessingTimeService clock = new SystemProcessingTimeService(jobId);
    try {
      deploy(clock);
      remaining.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      canceled = true;
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    } finally {
      checkpoints.detach("the job attempt ended");
      stopTasks();
      if (asyncWriter != null) {
        asyncWriter.shutdownNow();
      }
      services.shuffle().releaseJob(jobId);
      services.taskExecutor().release(jobId);
      for (SourceCoordinator<?> coordinator : coordinators) {
        try {
          coordinator.close();
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        }
      }
      clock.close();
    }
    Throwable error = failure.get();
    JobStatus status =
        error != null ? JobStatus.FAILED : canceled ? JobStatus.CANCELED : JobStatus.FINISHED;
    return new JobResult(
        jobId,
        graph.streamGraph().jobName(),
        status,
        Duration.ofNanos(System.nanoTime() - start),
        error);
  }

  /** Cancels the job; {@link #run()} returns CANCELED soon after. Any thread. */
  public void cancel() {
    canceled = true;
    stopTasksAsync();
    CountDownLatch latch = remaining;
    if (latch != null) {
      while (latch.getCount() > 0) {
        latch.countDown();
      }
    }
  }

  private void deploy(ProcessingTimeService clock) throws Exception {
    // Slot sharing: subtask i of every operator shares slot i, so the job needs max-parallelism
    // slots.
    int slotsNeeded = graph.vertices().stream().mapToInt(JobVertex::parallelism).max().orElse(1);
    services.taskExecutor().allocate(jobId, slotsNeeded);
    Map<Integer, Map<Integer, ResultPartitionWriter>> partitions = createPartitions();
    asyncWriter =
        java.util.concurrent.Executors.newCachedThreadPool(
            io.sluice.runtime.threads.UserCodeThreads.factory(
                "sluice-snapshot-writer-" + jobId, userClassLoader));
    TaskDeployment.Services taskServices =
        new TaskDeployment.Services(
            services.stateBackend(),
            clock,
            config.bufferTimeoutMillis(),
            config.autoWatermarkIntervalMillis(),
            this,
            new TaskCheckpointing(
                checkpoints::storageFor,
                checkpoints,
                asyncWriter,
                config.checkpointConfig().mode(),
                restore,
                config.checkpointConfig().isEnabled()));
    Map<String, SourceCoordinator<?>> sourcesById = new HashMap<>();
    Map<String, List<StreamTask>> sourceTasks = new HashMap<>();
    Map<String, Integer> parallelism = new HashMap<>();
    for (JobVertex vertex : graph.vertices()) {
      SourceCoordinator<?> coordinator = null;
      if (vertex.head().transformation() instanceof SourceTransformation<?> source) {
        coordinator =
            new SourceCoordinator<>(
                jobId, vertex.head().name(), vertex.parallelism(), userClassLoader, this::fail);
        coordinators.add(coordinator);
        try {
          String sourceId = vertex.head().operatorId();
          coordinator.start(
              source.getSource(), restore == null ? null : restore.enumeratorState(sourceId));
          sourcesById.put(sourceId, coordinator);
          sourceTasks.put(sourceId, new ArrayList<>());
        } catch (Exception e) {
          throw new IllegalStateException(
              "Source '" + vertex.head().name() + "' cannot start: " + e.getMessage(), e);
        }
      }
      for (io.sluice.runtime.graph.StreamNode node : vertex.chainedNodes()) {
        parallelism.put(node.operatorId(), vertex.parallelism());
      }
      for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
        TaskInfo info =
            new TaskInfo(
                jobId,
                vertex.name(),
                subtask,
                vertex.parallelism(),
                graph.streamGraph().maxParallelism(),
                userClassLoader);
        StreamTask task =
            new StreamTask(
                new TaskDeployment(
                    info,
                    graph.streamGraph(),
                    vertex,
                    createGates(vertex, subtask),
                    outputsOf(vertex, subtask, partitions),
                    coordinator,
                    taskServices));
        tasks.add(task);
        if (coordinator != null) {
          sourceTasks.get(vertex.head().operatorId()).add(task);
        }
      }
    }
    remaining = new CountDownLatch(tasks.size());
    checkpoints.attach(
        new CheckpointAttempt(List.copyOf(tasks), sourcesById, sourceTasks, parallelism));
    for (StreamTask task : tasks) {
      task.start();
    }
    onRunning.accept(this);
  }

  /** Partitions by edge id, then producer subtask. */
  private Map<Integer, Map<Integer, ResultPartitionWriter>> createPartitions() {
    Map<Integer, Map<Integer, ResultPartitionWriter>> byEdge = new HashMap<>();
    for (JobVertex vertex : graph.vertices()) {
      for (StreamEdge edge : vertex.outputs()) {
        int consumers = graph.streamGraph().node(edge.target()).parallelism();
        Map<Integer, ResultPartitionWriter> bySubtask = new HashMap<>();
        for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
          bySubtask.put(
              subtask,
              services
                  .shuffle()
                  .createResultPartition(
                      new ResultPartitionDescriptor(
                          new ResultPartitionId(jobId, edge.id(), subtask),
                          consumers,
                          describe(vertex, subtask),
                          services.shuffleSettings())));
        }
        byEdge.put(edge.id(), bySubtask);
      }
    }
    return byEdge;
  }

  private static Map<Integer, ResultPartitionWriter> outputsOf(
      JobVertex vertex, int subtask, Map<Integer, Map<Integer, ResultPartitionWriter>> byEdge) {
    Map<Integer, ResultPartitionWriter> outputs = new HashMap<>();
    for (StreamEdge edge : vertex.outputs()) {
      outputs.put(edge.id(), byEdge.get(edge.id()).get(subtask));
    }
    return outputs;
  }

  /** One gate per input of the head (a union's edges share their input's gate). */
  private List<InputGate> createGates(JobVertex vertex, int subtask) {
    int inputs = vertex.inputs().stream().mapToInt(StreamEdge::inputIndex).max().orElse(-1) + 1;
    List<InputGate> gates = new ArrayList<>();
    for (int input = 0; input < inputs; input++) {
      List<ResultPartitionId> consumed = new ArrayList<>();
      for (StreamEdge edge : vertex.inputs()) {
        if (edge.inputIndex() != input) {
          continue;
        }
        int producers = graph.streamGraph().node(edge.source()).parallelism();
        for (int producer = 0; producer < producers; producer++) {
          consumed.add(new ResultPartitionId(jobId, edge.id(), producer));
        }
      }
      gates.add(
          services
              .shuffle()
              .createInputGate(
                  new InputGateDescriptor(
                      jobId,
                      consumed,
                      subtask,
                      describe(vertex, subtask) + (inputs > 1 ? " input " + (input + 1) : ""),
                      services.shuffleSettings())));
    }
    return gates;
  }

  private static String describe(JobVertex vertex, int subtask) {
    return vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")";
  }

  @Override
  public void taskReachedEnd(String taskDescription) {
    checkpoints.onTaskEnded();
    if (reachedEnd.incrementAndGet() == tasks.size()) {
      // Every subtask is past its input: what they prepared since the last checkpoint is final.
      for (StreamTask task : tasks) {
        task.notifyCheckpointComplete(
            io.sluice.api.checkpoint.CheckpointListener.END_OF_INPUT_CHECKPOINT_ID);
      }
    }
  }

  @Override
  public void taskFinished(String taskDescription) {
    checkpoints.onTaskEnded();
    remaining.countDown();
  }

  /** Fails this attempt (the coordinator's verdict after too many failed checkpoints). */
  public void failWith(Throwable cause) {
    fail(cause);
  }

  /** The state backend this attempt runs on. */
  public String stateBackendName() {
    return services.stateBackend().name();
  }

  @Override
  public void taskFailed(String taskDescription, Throwable cause) {
    Throwable named =
        cause instanceof OperatorException
            ? cause
            : new IllegalStateException("Task '" + taskDescription + "' failed: " + cause, cause);
    fail(named);
  }

  private void fail(Throwable cause) {
    if (failure.compareAndSet(null, cause)) {
      stopTasksAsync();
      CountDownLatch latch = remaining;
      if (latch != null) {
        while (latch.getCount() > 0) {
          latch.countDown();
        }
      }
    }
  }

  private void stopTasksAsync() {
    for (StreamTask task : tasks) {
      task.cancel();
    }
    // Wakes producers blocked on a full buffer pool.
    services.shuffle().releaseJob(jobId);
  }

  /** Waits for every task thread; cancels them first unless the job finished normally. */
  private void stopTasks() {
    if (canceled || failure.get() != null) {
      for (StreamTask task : tasks) {
        task.cancel();
      }
    }
    long deadline = System.currentTimeMillis() + CANCEL_GRACE_MILLIS;
    for (StreamTask task : tasks) {
      try {
        task.join(Math.max(1, deadline - System.currentTimeMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
