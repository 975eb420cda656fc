package io.sluice.runtime.task;

import io.sluice.api.checkpoint.CheckpointingMode;
import io.sluice.api.graph.SourceTransformation;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.checkpoint.CheckpointBarrier;
import io.sluice.runtime.graph.StreamEdge;
import io.sluice.runtime.network.RecordWriter;
import io.sluice.runtime.threads.UserCodeThreads;
import io.sluice.spi.shuffle.InputGate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One subtask: a thread running the mailbox loop over its operator chain. Input, timers, flushes
 * and control actions all run on this thread, so operators and state need no locks.
 *
 * <p>Lifecycle: build the chain, open operators (tail first), process input until it ends, finish
 * operators (head first), finish the output partitions; close everything whatever happened.
 */
public final class StreamTask implements Runnable {
  private static final System.Logger LOG = System.getLogger(StreamTask.class.getName());

  private final TaskDeployment deployment;
  private final String description;
  private final Mailbox mailbox = new Mailbox();
  private SubtaskCheckpointer checkpointer;
  private volatile boolean canceled;
  private volatile Thread thread;
  private volatile boolean running;
  private volatile boolean ended;
  // Task thread only:
  private OperatorChain chain;
  private NetworkInput networkInput;
  private java.util.concurrent.atomic.AtomicBoolean finalNotified;

  public StreamTask(TaskDeployment deployment) {
    this.deployment = deployment;
    this.description = deployment.info().describe(deployment.vertex().name());
  }

  public String description() {
    return description;
  }

  /**
   * Starts the task thread with the job bundle's class loader as context loader, which the thread
   * drops when it ends (see {@link UserCodeThreads}).
   */
  public void start() {
    Thread t = UserCodeThreads.newThread(description, deployment.info().userClassLoader(), this);
    thread = t;
    t.start();
  }

  /** Whether the subtask runs a source (checkpoints are triggered there). */
  public boolean isSource() {
    return deployment.vertex().head().transformation() instanceof SourceTransformation<?>;
  }

  /** Who this subtask is, for the coordinator's acknowledgements. */
  public io.sluice.runtime.checkpoint.TaskKey key() {
    return new io.sluice.runtime.checkpoint.TaskKey(
        deployment.vertex().id(), deployment.info().subtaskIndex());
  }

  /** Whether the subtask has ended (finished its input, failed or was canceled). */
  public boolean hasEnded() {
    return ended;
  }

  /** Whether the operators are open and input is being processed (not finished yet). */
  public boolean isRunning() {
    return running;
  }

  /**
   * Starts a checkpoint at this source subtask: a mail snapshots the chain and sends the barrier
   * downstream. Any thread.
   */
  public void triggerCheckpoint(CheckpointBarrier barrier) {
    mailbox.post(
        () -> {
          try {
            checkpointer.onBarrierComplete(barrier);
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(
                "checkpoint " + barrier.checkpointId() + " of " + description + " failed", e);
          }
        });
  }

  /** Checkpoint {@code id} completed: the operators hear of it on the task thread. Any thread. */
  public java.util.concurrent.CompletableFuture<Void> notifyCheckpointComplete(long id) {
    java.util.concurrent.CompletableFuture<Void> done =
        new java.util.concurrent.CompletableFuture<>();
    mailbox.post(
        () -> {
          if (chain != null) {
            for (OperatorHandle<?, ?> operator : chain.operators()) {
              operator.notifyCheckpointComplete(id);
            }
          }
          java.util.concurrent.atomic.AtomicBoolean waiting = finalNotified;
          if (id == io.sluice.api.checkpoint.CheckpointListener.END_OF_INPUT_CHECKPOINT_ID
              && waiting != null) {
            waiting.set(true);
          }
          done.complete(null);
        });
    return done;
  }

  /** Checkpoint {@code id} was aborted: release an alignment and tell the operators. Any thread. */
  public void notifyCheckpointAborted(long id) {
    mailbox.post(
        () -> {
          if (networkInput != null) {
            networkInput.abortCheckpoint(id);
          }
          if (chain != null) {
            for (OperatorHandle<?, ?> operator : chain.operators()) {
              operator.notifyCheckpointAborted(id);
            }
          }
        });
  }

  /** Stops the task as soon as possible; any thread. */
  public void cancel() {
    canceled = true;
    mailbox.wakeUp();
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Waits for the thread to end; true if it did within the time. */
  public boolean join(long millis) throws InterruptedException {
    Thread t = thread;
    if (t == null) {
      return true;
    }
    t.join(millis);
    return !t.isAlive();
  }

  @Override
  public void run() {
    mailbox.bindToCurrentThread();
    TaskInput input = null;
    ScheduledFuture<?> flusher = null;
    try {
      chain = new OperatorChain(deployment, mailbox);
      checkpointer = new SubtaskCheckpointer(deployment, chain);
      input = createInput(chain);
      List<OperatorHandle<?, ?>> operators = chain.operators();
      for (int i = operators.size() - 1; i >= 0; i--) {
        operators.get(i).initializeState();
        operators.get(i).open();
      }
      input.open(mailbox);
      flusher = startFlusher(chain);
      running = true;
      boolean inputEnded = runMailboxLoop(input);
      running = false;
      ended = true;
      if (inputEnded) {
        for (OperatorHandle<?, ?> operator : operators) {
          operator.finish();
        }
        for (RecordWriter<?> writer : chain.writers()) {
          writer.finish();
        }
        if (deployment.services().checkpointing().periodic() && !awaitFinalNotification()) {
          return; // canceled while waiting
        }
        deployment.services().listener().taskFinished(description);
      }
    } catch (Throwable t) {
      if (!canceled) {
        deployment.services().listener().taskFailed(description, t);
      }
    } finally {
      running = false;
      ended = true;
      if (flusher != null) {
        flusher.cancel(false);
      }
      closeQuietly(input);
      if (chain != null) {
        for (OperatorHandle<?, ?> operator : chain.operators()) {
          try {
            operator.close();
          } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "closing " + operator.name() + " failed", t);
          }
        }
      }
    }
  }

  /**
   * Runs mails until the job-wide final notification has been processed (true) or the task is
   * canceled (false).
   */
  private boolean awaitFinalNotification() {
    java.util.concurrent.atomic.AtomicBoolean notified =
        new java.util.concurrent.atomic.AtomicBoolean();
    finalNotified = notified;
    deployment.services().listener().taskReachedEnd(description);
    while (!canceled && !notified.get()) {
      mailbox.clearNotification();
      mailbox.runMails();
      if (!notified.get()) {
        mailbox.awaitNotification();
      }
    }
    return !canceled;
  }

  /** Processes input and mails until the input ends (true) or the task is canceled (false). */
  private boolean runMailboxLoop(TaskInput input) throws Exception {
    while (!canceled) {
      mailbox.clearNotification();
      mailbox.runMails();
      switch (input.process()) {
        case END_OF_INPUT:
          mailbox.runMails();
          return !canceled;
        case NOTHING_AVAILABLE:
          mailbox.awaitNotification();
          break;
        default:
          break;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private TaskInput createInput(OperatorChain chain) {
    if (isSource()) {
      SourceInput source = new SourceInput(deployment, chain.sourceOutput());
      checkpointer.setSource(source);
      return source;
    }
    List<InputGate> gates = deployment.inputGates();
    List<TypeSerializer<Object>> serializers = new ArrayList<>();
    for (int input = 0; input < gates.size(); input++) {
      serializers.add(OperatorChain.serializerOf(deployment.graph(), firstEdgeOfInput(input)));
    }
    networkInput =
        new NetworkInput(
            gates,
            serializers,
            chain.headOperator(),
            deployment.services().checkpointing().mode() == CheckpointingMode.EXACTLY_ONCE,
            checkpointer);
    return networkInput;
  }

  private StreamEdge firstEdgeOfInput(int input) {
    for (StreamEdge edge : deployment.vertex().inputs()) {
      if (edge.inputIndex() == input) {
        return edge;
      }
    }
    throw new IllegalStateException("no edge feeds input " + input + " of " + description);
  }

  /** Flushes partly filled buffers every buffer timeout, as a mail (so on this thread). */
  private ScheduledFuture<?> startFlusher(OperatorChain chain) {
    long timeout = deployment.services().bufferTimeoutMillis();
    if (timeout <= 0 || chain.writers().isEmpty()) {
      return null;
    }
    List<RecordWriter<?>> writers = chain.writers();
    return deployment
        .services()
        .clock()
        .scheduleAtFixedRate(
            timeout,
            () -> {
              for (RecordWriter<?> writer : writers) {
                try {
                  writer.flushAll();
                } catch (Exception e) {
                  throw new IllegalStateException("flushing " + description + " failed", e);
                }
              }
            },
            mailbox::post);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.DEBUG, "close failed", e);
      }
    }
  }
}
