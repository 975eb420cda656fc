package io.sluice.runtime.checkpoint;

import io.sluice.api.checkpoint.CheckpointConfig;
import io.sluice.runtime.source.SourceCoordinator;
import io.sluice.runtime.task.StreamTask;
import io.sluice.spi.checkpoint.CheckpointHandle;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.state.SnapshotKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The checkpoint coordinator of one job (part of its job master; it outlives the job's attempts):
 * triggers periodic checkpoints and savepoints at the sources, collects the subtasks'
 * acknowledgements, commits the metadata to the checkpoint storage, tells the subtasks, retains the
 * newest checkpoints and deletes the rest; aborts a checkpoint on decline, timeout or when a
 * subtask ends, and fails the job after more consecutive failures than tolerated.
 *
 * <p>Every state change runs on the coordinator's own thread, so the pending checkpoints need no
 * locks; the public methods may be called from any thread.
 */
public final class CheckpointCoordinator implements CheckpointResponder, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CheckpointCoordinator.class.getName());

  private static final long STARTUP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final String jobId;
  private final CheckpointConfig config;
  private final CheckpointStorage storage;
  private final int maxParallelism;
  private final Consumer<Throwable> failJob;
  private final ScheduledExecutorService thread;
  private final Map<Long, CheckpointStorage> targets = new ConcurrentHashMap<>();
  // Coordinator thread only:
  private final Map<Long, Pending> pending = new LinkedHashMap<>();
  private CheckpointAttempt attempt;
  private long nextId = 1;
  private long lastCompletionNanos;
  private int consecutiveFailures;
  private ScheduledFuture<?> periodic;
  private volatile CompletedCheckpointInfo latest;
  private volatile String lastPeriodicFailure;

  /**
   * @param storage where checkpoints go; null if none is installed (checkpoints then fail with a
   *     clear message)
   * @param failJob called when more consecutive checkpoints failed than tolerated
   */
  public CheckpointCoordinator(
      String jobId,
      CheckpointConfig config,
      CheckpointStorage storage,
      int maxParallelism,
      Consumer<Throwable> failJob) {
    this.jobId = jobId;
    this.config = config;
    this.storage = storage;
    this.maxParallelism = maxParallelism;
    this.failJob = failJob;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sluice-checkpoint-coordinator-" + jobId);
              t.setDaemon(true);
              return t;
            });
    if (storage != null) {
      try {
        List<Long> existing = storage.completedCheckpoints(jobId);
        if (!existing.isEmpty()) {
          nextId = existing.get(existing.size() - 1) + 1;
        }
      } catch (java.io.IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot list checkpoints of " + jobId, e);
      }
    }
  }

  /** The default storage (may be null). */
  public CheckpointStorage storage() {
    return storage;
  }

  /** The newest checkpoint or savepoint this coordinator completed, or null. */
  public CompletedCheckpointInfo latestCompleted() {
    return latest;
  }

  /** Where the pieces of checkpoint {@code id} go (a savepoint's own directory, or the default). */
  public CheckpointStorage storageFor(long id) {
    CheckpointStorage target = targets.get(id);
    return target != null ? target : storage;
  }

  /** Checkpoint ids continue after {@code id} (after a restore from it). */
  public void continueAfter(long id) {
    thread.execute(() -> nextId = Math.max(nextId, id + 1));
  }

  /** A new attempt is running; checkpoints go to it from now on. */
  public void attach(CheckpointAttempt running) {
    thread.execute(() -> attempt = running);
  }

  /** The attempt ended: abort what is pending for it. */
  public void detach(String reason) {
    runAndWait(
        () -> {
          attempt = null;
          for (Pending p : new ArrayList<>(pending.values())) {
            abort(p, new IllegalStateException(reason), false);
          }
        });
  }

  /** Starts periodic checkpoints if the job enabled them; idempotent. */
  public void startPeriodic() {
    if (!config.isEnabled()) {
      return;
    }
    thread.execute(
        () -> {
          if (periodic == null) {
            long interval = config.interval().toMillis();
            periodic =
                thread.scheduleAtFixedRate(
                    this::triggerPeriodic, interval, interval, TimeUnit.MILLISECONDS);
          }
        });
  }

  /**
   * Triggers a checkpoint or savepoint now.
   *
   * @param target the storage to write to (a savepoint directory), or null for the default
   * @param stopSources whether sources stop emitting after the barrier
   */
  public CompletableFuture<CompletedCheckpointInfo> trigger(
      SnapshotKind kind, CheckpointStorage target, boolean stopSources) {
    return triggerWhenStarted(kind, target, stopSources, System.nanoTime() + STARTUP_WAIT_NANOS);
  }

  /** Triggers; while subtasks are still starting, tries again every few milliseconds. */
  private CompletableFuture<CompletedCheckpointInfo> triggerWhenStarted(
      SnapshotKind kind, CheckpointStorage target, boolean stopSources, long deadline) {
    return triggerOnce(kind, target, stopSources)
        .handle(
            (info, error) -> {
              Throwable cause =
                  error instanceof java.util.concurrent.CompletionException
                      ? error.getCause()
                      : error;
              if (cause instanceof TasksStartingException && System.nanoTime() < deadline) {
                CompletableFuture<CompletedCheckpointInfo> retry = new CompletableFuture<>();
                try {
                  thread.schedule(
                      () ->
                          triggerWhenStarted(kind, target, stopSources, deadline)
                              .whenComplete(
                                  (i, e) -> {
                                    if (e != null) {
                                      retry.completeExceptionally(e);
                                    } else {
                                      retry.complete(i);
                                    }
                                  }),
                      10,
                      TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                  retry.completeExceptionally(new IllegalStateException("the job has ended", e));
                }
                return retry;
              }
              return error == null
                  ? CompletableFuture.completedFuture(info)
                  : CompletableFuture.<CompletedCheckpointInfo>failedFuture(cause);
            })
        .thenCompose(f -> f);
  }

  private CompletableFuture<CompletedCheckpointInfo> triggerOnce(
      SnapshotKind kind, CheckpointStorage target, boolean stopSources) {
    CompletableFuture<CompletedCheckpointInfo> result = new CompletableFuture<>();
    try {
      thread.execute(() -> start(kind, target, stopSources, result));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("the job has ended", e));
    }
    return result;
  }

  /** A subtask ended: checkpoints still waiting for it cannot complete. */
  public void onTaskEnded() {
    thread.execute(
        () -> {
          for (Pending p : new ArrayList<>(pending.values())) {
            for (StreamTask task : p.tasks) {
              if (p.waitingFor.contains(task.key()) && !task.isRunning()) {
                abort(
                    p,
                    new IllegalStateException(
                        "subtask " + task.description() + " ended before its part was taken"),
                    false);
                break;
              }
            }
          }
        });
  }

  @Override
  public void acknowledge(
      TaskKey task, long checkpointId, Map<String, OperatorSubtaskState> states) {
    thread.execute(
        () -> {
          Pending p = pending.get(checkpointId);
          if (p == null || !p.waitingFor.remove(task)) {
            return; // aborted meanwhile, or a duplicate
          }
          states.forEach(
              (operatorId, state) ->
                  p.states
                      .computeIfAbsent(operatorId, k -> new HashMap<>())
                      .put(task.subtask(), state));
          maybeComplete(p);
        });
  }

  @Override
  public void decline(TaskKey task, long checkpointId, Throwable reason) {
    thread.execute(
        () -> {
          Pending p = pending.get(checkpointId);
          if (p != null) {
            abort(
                p,
                new IllegalStateException(
                    "a subtask declined checkpoint " + checkpointId + ": " + reason, reason),
                true);
          }
        });
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  private void triggerPeriodic() {
    if (attempt == null || pending.size() >= config.maxConcurrent()) {
      return;
    }
    if (lastCompletionNanos != 0
        && System.nanoTime() - lastCompletionNanos < config.minPause().toNanos()) {
      return;
    }
    CompletableFuture<CompletedCheckpointInfo> result = new CompletableFuture<>();
    result.whenComplete(
        (info, error) -> {
          if (error == null) {
            return;
          }
          // Starting subtasks are routine; anything else is said once per distinct reason.
          String reason = String.valueOf(error.getMessage());
          boolean routine = error instanceof TasksStartingException;
          if (!routine && !reason.equals(lastPeriodicFailure)) {
            lastPeriodicFailure = reason;
            LOG.log(
                System.Logger.Level.WARNING,
                "periodic checkpoint of job " + jobId + " not taken: " + reason);
          }
        });
    start(SnapshotKind.CHECKPOINT, null, false, result);
  }

  private void start(
      SnapshotKind kind,
      CheckpointStorage target,
      boolean stopSources,
      CompletableFuture<CompletedCheckpointInfo> result) {
    CheckpointStorage into = target != null ? target : storage;
    if (into == null) {
      result.completeExceptionally(
          new IllegalStateException(
              "no checkpoint storage is installed (install the checkpoint-fs bundle, part of the"
                  + " core feature)"));
      return;
    }
    CheckpointAttempt running = attempt;
    if (running == null) {
      // Between attempts (deploying, restarting): asking again soon helps.
      result.completeExceptionally(new TasksStartingException("the job is being deployed"));
      return;
    }
    for (StreamTask task : running.tasks()) {
      if (task.hasEnded()) {
        result.completeExceptionally(
            new IllegalStateException(
                "subtask "
                    + task.description()
                    + " has finished; checkpoints need every subtask running (a bounded source"
                    + " that ended cannot take part any more)"));
        return;
      }
      if (!task.isRunning()) {
        result.completeExceptionally(
            new TasksStartingException("subtask " + task.description() + " is still starting"));
        return;
      }
    }
    long id = nextId++;
    Pending p = new Pending(id, kind, into, running.tasks(), result);
    if (target != null) {
      targets.put(id, target);
    }
    pending.put(id, p);
    p.timeout =
        thread.schedule(
            () -> {
              if (pending.containsKey(id)) {
                abort(
                    p,
                    new IllegalStateException(
                        "checkpoint " + id + " timed out after " + config.timeout()),
                    true);
              }
            },
            config.timeout().toMillis(),
            TimeUnit.MILLISECONDS);
    CheckpointBarrier barrier =
        new CheckpointBarrier(id, System.currentTimeMillis(), kind, stopSources);
    for (Map.Entry<String, List<StreamTask>> entry : running.sourceTasks().entrySet()) {
      String operatorId = entry.getKey();
      SourceCoordinator<?> source = running.sources().get(operatorId);
      p.enumeratorsMissing.add(operatorId);
      source
          .snapshotThenRun(
              id,
              () -> {
                for (StreamTask task : entry.getValue()) {
                  task.triggerCheckpoint(barrier);
                }
              })
          .whenComplete(
              (state, error) ->
                  thread.execute(
                      () -> {
                        if (!pending.containsKey(id)) {
                          return;
                        }
                        if (error != null) {
                          abort(p, error, true);
                        } else {
                          p.enumerators.put(operatorId, state);
                          p.enumeratorsMissing.remove(operatorId);
                          maybeComplete(p);
                        }
                      }));
    }
  }

  private void maybeComplete(Pending p) {
    if (!p.waitingFor.isEmpty() || !p.enumeratorsMissing.isEmpty()) {
      return;
    }
    pending.remove(p.id);
    p.timeout.cancel(false);
    CheckpointAttempt running = attempt;
    try {
      Map<String, OperatorState> operators = new LinkedHashMap<>();
      p.states.forEach(
          (operatorId, subtasks) ->
              operators.put(
                  operatorId,
                  new OperatorState(
                      operatorId,
                      running == null
                          ? subtasks.size()
                          : running.operatorParallelism().getOrDefault(operatorId, subtasks.size()),
                      subtasks)));
      CheckpointMetadata metadata =
          new CheckpointMetadata(
              p.id, p.kind, p.timestamp, maxParallelism, operators, p.enumerators);
      CheckpointHandle handle =
          p.storage.commitMetadata(jobId, p.id, metadata.pieces(), metadata.encode());
      String path = p.storage.pathOf(handle);
      lastCompletionNanos = System.nanoTime();
      consecutiveFailures = 0;
      if (p.storage == storage) {
        try {
          storage.retain(jobId, config.retained());
        } catch (java.io.IOException e) {
          LOG.log(System.Logger.Level.WARNING, "cannot delete old checkpoints of " + jobId, e);
        }
      }
      List<CompletableFuture<Void>> notices = new ArrayList<>();
      for (StreamTask task : p.tasks) {
        notices.add(task.notifyCheckpointComplete(p.id));
      }
      CompletedCheckpointInfo info =
          new CompletedCheckpointInfo(
              metadata,
              path,
              Duration.ofNanos(System.nanoTime() - p.startNanos),
              CompletableFuture.allOf(notices.toArray(CompletableFuture[]::new)));
      latest = info;
      targets.remove(p.id);
      p.result.complete(info);
    } catch (Throwable t) {
      abort(p, t, true);
    }
  }

  /**
   * @param counts whether the failure counts against the tolerable failures (not when the attempt
   *     simply ended)
   */
  private void abort(Pending p, Throwable reason, boolean counts) {
    pending.remove(p.id);
    if (p.timeout != null) {
      p.timeout.cancel(false);
    }
    targets.remove(p.id);
    for (StreamTask task : p.tasks) {
      task.notifyCheckpointAborted(p.id);
    }
    try {
      p.storage.discard(jobId, p.id);
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot discard aborted checkpoint " + p.id, e);
    }
    p.result.completeExceptionally(reason);
    if (counts && p.kind == SnapshotKind.CHECKPOINT) {
      consecutiveFailures++;
      LOG.log(
          System.Logger.Level.WARNING,
          "checkpoint " + p.id + " of job " + jobId + " failed: " + reason.getMessage());
      if (consecutiveFailures > config.tolerableFailures()) {
        failJob.accept(
            new IllegalStateException(
                consecutiveFailures
                    + " consecutive checkpoints failed, more than the "
                    + config.tolerableFailures()
                    + " tolerated; the last: "
                    + reason.getMessage(),
                reason));
        consecutiveFailures = 0;
      }
    }
  }

  private void runAndWait(Runnable action) {
    try {
      thread.submit(action).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "coordinator action failed", e);
    }
  }

  /** A checkpoint in progress; coordinator thread only. */
  private static final class Pending {
    final long id;
    final SnapshotKind kind;
    final CheckpointStorage storage;
    final List<StreamTask> tasks;
    final CompletableFuture<CompletedCheckpointInfo> result;
    final long timestamp = System.currentTimeMillis();
    final long startNanos = System.nanoTime();
    final Set<TaskKey> waitingFor = new HashSet<>();
    final Set<String> enumeratorsMissing = new HashSet<>();
    final Map<String, Map<Integer, OperatorSubtaskState>> states = new LinkedHashMap<>();
    final Map<String, EnumeratorState> enumerators = new LinkedHashMap<>();
    ScheduledFuture<?> timeout;

    Pending(
        long id,
        SnapshotKind kind,
        CheckpointStorage storage,
        List<StreamTask> tasks,
        CompletableFuture<CompletedCheckpointInfo> result) {
      this.id = id;
      this.kind = kind;
      this.storage = storage;
      this.tasks = tasks;
      this.result = result;
      for (StreamTask task : tasks) {
        waitingFor.add(task.key());
      }
    }
  }

  /** A checkpoint was requested while subtasks were still starting; asking again soon helps. */
  public static final class TasksStartingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TasksStartingException(String message) {
      super(message);
    }
  }
}
