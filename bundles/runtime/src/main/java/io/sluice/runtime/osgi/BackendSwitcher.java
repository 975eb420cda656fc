package io.sluice.runtime.osgi;

import io.sluice.platform.JobMove;
import io.sluice.runtime.execution.Failures;
import io.sluice.runtime.execution.JobMaster;
import io.sluice.runtime.execution.RedeployResult;
import io.sluice.spi.state.StateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Moves running jobs onto the selected state backend (the hot-swap contract). Every change of the
 * selection (configuration, a backend registered or gone) schedules a <em>pass</em>; a pass looks
 * at the selection when it starts and moves each running job that runs on another backend through a
 * canonical savepoint ({@link JobMaster#redeploy}). That works while the old backend is going away
 * too (it still serves the job's open keyed state while it is unbound), and there it matters: the
 * job's latest checkpoint may be in a format only the old backend reads (RocksDB's native ones).
 * Only when that savepoint fails does the job restart from its latest completed checkpoint ({@link
 * JobMaster#restartFromLatestCheckpoint}). Passes are idempotent, so a burst of changes needs no
 * coalescing: later passes find nothing left to do.
 *
 * <p>Threading: passes run one at a time on a single thread of their own, never on the threads of
 * Declarative Services or Config Admin that report the changes; {@link #reconcile} and {@link
 * #awaitPass} may be called from any thread.
 */
final class BackendSwitcher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(BackendSwitcher.class.getName());

  /** How long one job may take to move before the pass gives up on it and goes on. */
  static final Duration MOVE_TIMEOUT = Duration.ofMinutes(5);

  private final PluginRegistry registry;
  private final Supplier<Collection<JobRecord>> jobs;
  private final ExecutorService executor;
  private final List<Waiter> waiters = new ArrayList<>();

  private record Waiter(String backend, CompletableFuture<List<JobMove>> moves) {}

  /** How a job gets onto the selected backend. */
  enum MoveKind {
    /** It already runs there (or does not run). */
    NONE,
    /** Its backend is still registered: canonical savepoint there, redeploy on the new one. */
    SAVEPOINT,
    /**
     * Its backend is going away: a savepoint there while it still serves the job, else a restart on
     * the new one from the latest completed checkpoint.
     */
    OFF_DEPARTING_BACKEND
  }

  /**
   * @param current the backend the job runs on, null if it is not deployed
   * @param target the selected backend, null if none is registered
   * @param currentRegistered whether {@code current} is still registered
   */
  static MoveKind kindOf(StateBackend current, StateBackend target, boolean currentRegistered) {
    if (current == null || target == null || current == target) {
      return MoveKind.NONE;
    }
    return currentRegistered ? MoveKind.SAVEPOINT : MoveKind.OFF_DEPARTING_BACKEND;
  }

  BackendSwitcher(PluginRegistry registry, Supplier<Collection<JobRecord>> jobs) {
    this.registry = registry;
    this.jobs = jobs;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sluice-backend-switch");
              t.setDaemon(true);
              // never inherit a job bundle's loader from whichever thread asked first
              t.setContextClassLoader(BackendSwitcher.class.getClassLoader());
              return t;
            });
  }

  /**
   * Schedules a pass that moves every running job onto the state backend selected when the pass
   * starts.
   *
   * @param reason why, for the log and the job masters
   * @return the moves the pass made (none if every job already ran on the selected backend)
   */
  CompletableFuture<List<JobMove>> reconcile(String reason) {
    CompletableFuture<List<JobMove>> done = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              done.complete(pass(reason));
            } catch (Throwable t) {
              done.completeExceptionally(t);
            }
          });
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(new IllegalStateException("the runtime is stopping", e));
    }
    return done;
  }

  /**
   * Completes with the moves of the next pass that starts with {@code backend} selected. Register
   * before causing the selection (writing the configuration), so the pass cannot be missed.
   */
  CompletableFuture<List<JobMove>> awaitPass(String backend) {
    Waiter waiter = new Waiter(backend, new CompletableFuture<>());
    synchronized (waiters) {
      waiters.removeIf(w -> w.moves().isDone());
      waiters.add(waiter);
    }
    return waiter.moves();
  }

  /** Forgets a waiter whose selection will not happen (the configuration could not be written). */
  void forget(CompletableFuture<List<JobMove>> moves) {
    synchronized (waiters) {
      waiters.removeIf(w -> w.moves() == moves);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    synchronized (waiters) {
      for (Waiter waiter : waiters) {
        waiter.moves().completeExceptionally(new IllegalStateException("the runtime stopped"));
      }
      waiters.clear();
    }
  }

  /** Runs on the switcher thread. */
  private List<JobMove> pass(String reason) {
    StateBackend target = registry.selectedStateBackend();
    List<JobMove> moves = new ArrayList<>();
    if (target != null) {
      for (JobRecord record : jobs.get()) {
        JobMove move = move(record, target, reason);
        if (move != null) {
          moves.add(move);
        }
      }
    }
    List<Waiter> ready = new ArrayList<>();
    synchronized (waiters) {
      waiters.removeIf(
          w -> {
            boolean matches = target != null && w.backend().equals(target.name());
            if (matches || w.moves().isDone()) {
              ready.add(w);
              return true;
            }
            return false;
          });
    }
    List<JobMove> result = List.copyOf(moves);
    ready.forEach(w -> w.moves().complete(result));
    return result;
  }

  /** Moves one job if it runs on another backend than {@code target}; null if it needs no move. */
  private JobMove move(JobRecord record, StateBackend target, String reason) {
    JobMaster master = record.execution;
    StateBackend current = record.backend;
    MoveKind kind = kindOf(current, target, registry.isRegistered(current));
    if (!record.isDeployed() || master == null || kind == MoveKind.NONE) {
      return null;
    }
    boolean throughSavepoint = kind == MoveKind.SAVEPOINT;
    String from = current.name();
    String to = target.name();
    String why = reason + ": " + from + " -> " + to;
    long start = System.nanoTime();
    String error;
    try {
      RedeployResult result =
          throughSavepoint ? await(master.redeploy(why)) : moveOffDepartingBackend(master, why);
      // The selection may have changed again while the job moved: record where it really runs.
      StateBackend landed = registry.selectedStateBackend();
      record.backend =
          result.newBackend() == null || result.newBackend().equals(target.name()) || landed == null
              ? target
              : landed;
      JobMove move =
          new JobMove(
              record.id,
              master.jobName(),
              result.oldBackend() == null ? from : result.oldBackend(),
              result.newBackend() == null ? to : result.newBackend(),
              result.savepointPath(),
              result.restoredCheckpointId(),
              result.duration() == null ? elapsedMillis(start) : result.duration().toMillis(),
              null);
      LOG.log(
          System.Logger.Level.INFO,
          "Moved job {0} from {1} to {2} {3} in {4} ms ({5})",
          record.id,
          move.oldBackend(),
          move.newBackend(),
          move.savepointPath() == null
              ? "from checkpoint " + move.restoredCheckpointId()
              : "through savepoint " + move.savepointPath(),
          move.durationMillis(),
          reason);
      return move;
    } catch (ExecutionException e) {
      error = Failures.describe(e.getCause());
    } catch (TimeoutException e) {
      error = "it did not move within " + MOVE_TIMEOUT.toMinutes() + " minutes";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted while moving (the runtime is stopping)";
    } catch (RuntimeException e) {
      error = Failures.describe(e);
    }
    String what =
        throughSavepoint
            ? "savepoint on " + from + " and redeploy on " + to + " failed: "
            : from
                + " is going away, and neither a savepoint there nor restarting on "
                + to
                + " from the latest checkpoint worked: ";
    LOG.log(System.Logger.Level.WARNING, "Job {0} did not move: {1}{2}", record.id, what, error);
    return new JobMove(
        record.id, master.jobName(), from, to, null, -1, elapsedMillis(start), what + error);
  }

  private static RedeployResult await(CompletableFuture<RedeployResult> move)
      throws ExecutionException, TimeoutException, InterruptedException {
    return move.get(MOVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Moves a job whose backend is being unregistered: through a savepoint on it first (in the
   * canonical format every backend reads; the latest checkpoint may be in one only the departing
   * backend reads), from the latest checkpoint if that fails (the backend already closed, no
   * checkpoint storage, a failing savepoint).
   */
  private static RedeployResult moveOffDepartingBackend(JobMaster master, String why)
      throws ExecutionException, TimeoutException, InterruptedException {
    try {
      return await(master.redeploy(why));
    } catch (ExecutionException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Job {0}: no savepoint on the departing backend ({1}); restarting from its latest"
              + " checkpoint",
          master.jobName(),
          Failures.describe(e.getCause()));
      return await(master.restartFromLatestCheckpoint(why));
    }
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
