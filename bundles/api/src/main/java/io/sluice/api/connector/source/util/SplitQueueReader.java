package io.sluice.api.connector.source.util;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A reader that works through its assigned splits one at a time and asks for the next when one is
 * done. Subclasses open a split and read records from it. Confined to the subtask's thread, except
 * that {@link #addSplits} and {@link #notifyNoMoreSplits} may be called from the coordinator, hence
 * the lock.
 */
public abstract class SplitQueueReader<T, SplitT extends SourceSplit>
    implements SourceReader<T, SplitT> {
  private final SourceReaderContext context;
  private final Deque<SplitT> assigned = new ArrayDeque<>();
  private final Object lock = new Object();
  private boolean noMoreSplits;
  private boolean requestPending;
  private CompletableFuture<Void> available = new CompletableFuture<>();
  private SplitT current;

  protected SplitQueueReader(SourceReaderContext context) {
    this.context = context;
  }

  /** Prepares to read {@code split} from its start (or its recorded position). */
  protected abstract void openSplit(SplitT split) throws Exception;

  /**
   * Emits up to a few records of the open split.
   *
   * @return false once the split is exhausted
   */
  protected abstract boolean readRecords(ReaderOutput<T> output) throws Exception;

  /** Releases the open split. */
  protected abstract void closeSplit() throws Exception;

  /** The open split with its current position, for checkpoints. */
  protected abstract SplitT currentPosition();

  @Override
  public void start() {
    requestSplit();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    if (current == null && !advance()) {
      synchronized (lock) {
        return noMoreSplits && assigned.isEmpty()
            ? InputStatus.END_OF_INPUT
            : InputStatus.NOTHING_AVAILABLE;
      }
    }
    if (!readRecords(output)) {
      closeSplit();
      current = null;
      requestSplit();
    }
    return InputStatus.MORE_AVAILABLE;
  }

  private boolean advance() throws Exception {
    synchronized (lock) {
      current = assigned.poll();
      if (current == null) {
        if (available.isDone() && !noMoreSplits) {
          available = new CompletableFuture<>();
        }
        return false;
      }
    }
    openSplit(current);
    return true;
  }

  private void requestSplit() {
    synchronized (lock) {
      if (noMoreSplits || requestPending) {
        return;
      }
      requestPending = true;
    }
    context.sendSplitRequest();
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    synchronized (lock) {
      return available;
    }
  }

  @Override
  public void addSplits(List<SplitT> splits) {
    synchronized (lock) {
      assigned.addAll(splits);
      requestPending = false;
      available.complete(null);
    }
  }

  @Override
  public void notifyNoMoreSplits() {
    synchronized (lock) {
      noMoreSplits = true;
      requestPending = false;
      available.complete(null);
    }
  }

  @Override
  public List<SplitT> snapshotState(long checkpointId) {
    List<SplitT> state = new ArrayList<>();
    if (current != null) {
      state.add(currentPosition());
    }
    synchronized (lock) {
      state.addAll(assigned);
    }
    return state;
  }

  @Override
  public void close() throws Exception {
    if (current != null) {
      closeSplit();
      current = null;
    }
  }
}
