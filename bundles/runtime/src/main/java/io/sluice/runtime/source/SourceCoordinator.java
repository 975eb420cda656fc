package io.sluice.runtime.source;

import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.typeutils.SimpleVersionedSerializer;
import io.sluice.runtime.checkpoint.EnumeratorState;
import io.sluice.runtime.threads.UserCodeThreads;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the split enumerator of one source on its own thread (so enumerators need no locks) and
 * routes split assignments to the readers through their task mailboxes (so readers need no locks
 * either).
 */
public final class SourceCoordinator<SplitT extends SourceSplit> implements AutoCloseable {
  private final String sourceName;
  private final int parallelism;
  private final ExecutorService thread;
  private final Map<Integer, ReaderHandle<SplitT>> readers = new ConcurrentHashMap<>();
  private final Consumer<Throwable> failure;
  private final ClassLoader userClassLoader;
  private SplitEnumerator<SplitT, ?> enumerator;
  private SimpleVersionedSerializer<?> stateSerializer;

  /** How to reach one reader: its mailbox and the reader itself (touched only inside mails). */
  private record ReaderHandle<SplitT extends SourceSplit>(
      Consumer<Runnable> mailbox, SourceReader<?, SplitT> reader) {}

  /**
   * @param userClassLoader the job bundle's class loader: the coordinator thread's context class
   *     loader while it runs, dropped when it ends (see {@link UserCodeThreads})
   * @param failure told when the enumerator throws
   */
  public SourceCoordinator(
      String jobId,
      String sourceName,
      int parallelism,
      ClassLoader userClassLoader,
      Consumer<Throwable> failure) {
    this.sourceName = sourceName;
    this.parallelism = parallelism;
    this.failure = failure;
    this.userClassLoader = userClassLoader;
    this.thread =
        Executors.newSingleThreadExecutor(
            UserCodeThreads.factory(
                "sluice-source-coordinator-" + jobId + "-" + sourceName, userClassLoader));
  }

  /**
   * Creates and starts the enumerator, on the caller's thread so a failure (a missing input file)
   * fails the deployment at once with a clear message.
   */
  @SuppressWarnings("unchecked")
  public void start(Source<?, ?, ?> source) throws Exception {
    start(source, null);
  }

  /**
   * Starts the enumerator, restored from {@code restored} if not null (then {@link
   * Source#restoreEnumerator} recreates it).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void start(Source<?, ?, ?> source, EnumeratorState restored) throws Exception {
    Source typed = source;
    stateSerializer = typed.getEnumeratorCheckpointSerializer(userClassLoader);
    if (restored == null) {
      enumerator = typed.createEnumerator(new Context());
    } else {
      Object state = stateSerializer.deserialize(restored.version(), restored.bytes());
      enumerator = typed.restoreEnumerator(new Context(), state);
    }
    enumerator.start();
  }

  /**
   * Snapshots the enumerator on its thread, then runs {@code afterSnapshot} there (which posts the
   * checkpoint trigger to the readers' mailboxes). Split assignments made before the snapshot were
   * posted to those mailboxes earlier, so every split is either in the enumerator's state or in a
   * reader's.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public CompletableFuture<EnumeratorState> snapshotThenRun(
      long checkpointId, Runnable afterSnapshot) {
    CompletableFuture<EnumeratorState> result = new CompletableFuture<>();
    try {
      thread.execute(
          () -> {
            try {
              Object state = enumerator.snapshotState(checkpointId);
              byte[] bytes = ((SimpleVersionedSerializer) stateSerializer).serialize(state);
              result.complete(new EnumeratorState(stateSerializer.getVersion(), bytes));
              afterSnapshot.run();
            } catch (Throwable t) {
              result.completeExceptionally(
                  new IllegalStateException(
                      "Split enumerator of source '" + sourceName + "' cannot checkpoint: " + t,
                      t));
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(
          new IllegalStateException("source '" + sourceName + "' is shutting down", e));
    }
    return result;
  }

  /** Registers a reader before it asks for splits. */
  public void registerReader(
      int subtask, Consumer<Runnable> mailbox, SourceReader<?, SplitT> reader) {
    readers.put(subtask, new ReaderHandle<>(mailbox, reader));
    run(() -> enumerator.addReader(subtask));
  }

  /** A reader asks for work; any thread. */
  public void requestSplit(int subtask) {
    run(() -> enumerator.handleSplitRequest(subtask));
  }

  private void run(Runnable action) {
    thread.execute(
        () -> {
          try {
            action.run();
          } catch (Throwable t) {
            failure.accept(
                new IllegalStateException(
                    "Split enumerator of source '" + sourceName + "' failed: " + t, t));
          }
        });
  }

  @Override
  public void close() throws Exception {
    thread.shutdownNow();
    thread.awaitTermination(10, TimeUnit.SECONDS);
    if (enumerator != null) {
      enumerator.close();
    }
  }

  /** The enumerator's view; called on the coordinator thread. */
  private final class Context implements SplitEnumeratorContext<SplitT> {
    @Override
    public int currentParallelism() {
      return parallelism;
    }

    @Override
    public void assignSplit(SplitT split, int subtaskId) {
      ReaderHandle<SplitT> handle = handle(subtaskId);
      handle.mailbox().accept(() -> handle.reader().addSplits(List.of(split)));
    }

    @Override
    public void signalNoMoreSplits(int subtaskId) {
      ReaderHandle<SplitT> handle = handle(subtaskId);
      handle.mailbox().accept(() -> handle.reader().notifyNoMoreSplits());
    }

    private ReaderHandle<SplitT> handle(int subtaskId) {
      ReaderHandle<SplitT> handle = readers.get(subtaskId);
      if (handle == null) {
        throw new IllegalStateException(
            "source '" + sourceName + "' has no registered reader " + subtaskId);
      }
      return handle;
    }
  }
}
