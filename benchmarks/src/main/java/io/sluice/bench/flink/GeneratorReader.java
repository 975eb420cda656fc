package io.sluice.bench.flink;

import io.sluice.bench.common.GeneratorCursor;
import io.sluice.bench.common.RecordGenerator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Reads generator splits one after the other, asking for the next when one is done. Flink calls
 * every method from the subtask's mailbox thread (split assignments arrive as mails), so no locks.
 */
final class GeneratorReader<T> implements SourceReader<T, GeneratorSplit> {
  private final SourceReaderContext context;
  private final RecordGenerator<T> generator;
  private final boolean stampLatency;
  private final ArrayDeque<GeneratorSplit> assigned = new ArrayDeque<>();
  private CompletableFuture<Void> available = new CompletableFuture<>();
  private GeneratorCursor<T> cursor;
  private boolean noMoreSplits;

  GeneratorReader(SourceReaderContext context, RecordGenerator<T> generator, boolean stampLatency) {
    this.context = context;
    this.generator = generator;
    this.stampLatency = stampLatency;
  }

  @Override
  public void start() {
    context.sendSplitRequest();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) {
    if (cursor == null) {
      GeneratorSplit next = assigned.poll();
      if (next == null) {
        if (noMoreSplits) {
          return InputStatus.END_OF_INPUT;
        }
        if (available.isDone()) {
          available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
      }
      cursor = new GeneratorCursor<>(generator, next.range(), stampLatency);
    }
    if (cursor.emitBatch(output::collect) == 0) {
      cursor = null;
      context.sendSplitRequest();
    }
    return InputStatus.MORE_AVAILABLE;
  }

  @Override
  public List<GeneratorSplit> snapshotState(long checkpointId) {
    List<GeneratorSplit> state = new ArrayList<>();
    if (cursor != null) {
      state.add(new GeneratorSplit(cursor.remaining()));
    }
    state.addAll(assigned);
    return state;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public void addSplits(List<GeneratorSplit> splits) {
    assigned.addAll(splits);
    available.complete(null);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    available.complete(null);
  }

  @Override
  public void close() {}
}
