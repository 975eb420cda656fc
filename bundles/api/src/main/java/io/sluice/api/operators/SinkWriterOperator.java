package io.sluice.api.operators;

import io.sluice.api.checkpoint.CheckpointListener;
import io.sluice.api.connector.sink.CommittingSinkWriter;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.StatefulSinkWriter;
import io.sluice.api.connector.sink.SupportsCommitter;
import io.sluice.api.connector.sink.SupportsWriterState;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.OperatorStateStore;
import io.sluice.api.typeutils.SimpleVersionedSerializer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Feeds a {@link Sink}'s writer and, for a two-phase sink ({@link SupportsCommitter}), commits what
 * the writer prepared once it is final.
 *
 * <p><b>With checkpoints.</b> At each checkpoint barrier ({@link #snapshotState}) the writer
 * flushes and prepares its committables; they are kept by checkpoint id in operator state together
 * with the writer's state ({@link StatefulSinkWriter}), and committed when a checkpoint up to that
 * id completes ({@link #notifyCheckpointComplete}). After a failure the operator first commits the
 * committables of the restored checkpoint again (they may or may not have been committed before;
 * committing twice is harmless), then recreates the writer from its state ({@link
 * SupportsWriterState}). So output becomes visible exactly for the records the restored checkpoint
 * covers: no record twice, none lost.
 *
 * <p>The committables are kept in union list state: on restore every subtask sees, and commits, all
 * of them before its writer starts, so a writer may delete leftovers of failed attempts without
 * racing another subtask's commit. The writer states are kept in split list state.
 *
 * <p>At the end of a bounded input the writer flushes and prepares its last committables. With
 * checkpointing enabled they are committed on the runtime's final notification ({@link
 * CheckpointListener#END_OF_INPUT_CHECKPOINT_ID}, once every subtask of the job has ended); a
 * checkpoint taken before then keeps them. <b>Without checkpoints</b> nothing is kept in state and
 * they are committed at once, so a bounded job's output appears only when it finished.
 *
 * <p>Confined to the task thread; operator state is only touched once a checkpoint is taken or
 * restored, so contexts without operator state keep working without checkpoints.
 */
public final class SinkWriterOperator<T> extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<T, Void> {
  static final String COMMITTABLES_STATE = "sink-committables";
  static final String WRITER_STATE = "sink-writer-state";

  private final Sink<T> sink;
  private final WriterContext writerContext = new WriterContext();
  private SinkWriter<T> writer;
  private PendingCommittables<Object> committables;
  private ListState<SinkStateEntry> committableState;
  private ListState<SinkStateEntry> writerState;
  private List<Object> restoredWriterState; // null unless restored
  private boolean finished;

  public SinkWriterOperator(Sink<T> sink) {
    this.sink = sink;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void initializeState() throws Exception {
    createCommittables();
    if (!context.isRestored()) {
      return;
    }
    attachState();
    if (committables != null) {
      committables.commitRestored(committableState.get());
    }
    committableState.update(List.of());
    restoredWriterState = new ArrayList<>();
    if (sink instanceof SupportsWriterState<?, ?> stateful) {
      SimpleVersionedSerializer<Object> serializer =
          ((SupportsWriterState<T, Object>) stateful).getWriterStateSerializer(userClassLoader());
      for (SinkStateEntry entry : writerState.get()) {
        restoredWriterState.add(entry.read(serializer));
      }
    }
  }

  /** Idempotent: {@link #open} calls it too, for runtimes that skip {@link #initializeState}. */
  @SuppressWarnings("unchecked")
  private void createCommittables() {
    if (committables == null && sink instanceof SupportsCommitter<?> committing) {
      committables =
          new PendingCommittables<>((SupportsCommitter<Object>) committing, userClassLoader());
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() throws Exception {
    createCommittables();
    var rc = context.getRuntimeContext();
    var initContext =
        new Sink.InitContext(
            rc.getJobId(),
            rc.getIndexOfThisSubtask(),
            rc.getNumberOfParallelSubtasks(),
            context.isCheckpointingEnabled());
    if (restoredWriterState != null && sink instanceof SupportsWriterState<?, ?> stateful) {
      writer =
          ((SupportsWriterState<T, Object>) stateful)
              .restoreWriter(initContext, restoredWriterState);
      restoredWriterState = null;
    } else {
      writer = sink.createWriter(initContext);
    }
    if (committables != null && !(writer instanceof CommittingSinkWriter<?, ?>)) {
      throw new IllegalStateException(
          "sink "
              + sink.getClass().getName()
              + " supports a committer, so its writers must be CommittingSinkWriters, but "
              + writer.getClass().getName()
              + " is not");
    }
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    writerContext.timestamp = timestamp;
    writer.write(value, writerContext);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    writerContext.watermark = watermark;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void snapshotState(long checkpointId) throws Exception {
    if (!finished) {
      writer.flush(false);
      if (committables != null) {
        committables.add(checkpointId, ((CommittingSinkWriter<T, Object>) writer).prepareCommit());
      }
    }
    if (committables == null && !(writer instanceof StatefulSinkWriter<?, ?>)) {
      return; // nothing to keep: an at-least-once sink only flushes
    }
    attachState();
    committableState.update(committables == null ? List.of() : committables.entries());
    if (writer instanceof StatefulSinkWriter<?, ?> stateful
        && sink instanceof SupportsWriterState<?, ?> supports) {
      SimpleVersionedSerializer<Object> serializer =
          ((SupportsWriterState<T, Object>) supports).getWriterStateSerializer(userClassLoader());
      List<SinkStateEntry> entries = new ArrayList<>();
      for (Object state : ((StatefulSinkWriter<T, Object>) stateful).snapshotState(checkpointId)) {
        entries.add(SinkStateEntry.of(checkpointId, state, serializer));
      }
      writerState.update(entries);
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (committables != null) {
      committables.commitUpTo(checkpointId);
    }
  }

  /**
   * Flushes the writer and prepares its last committables: without checkpoints they are committed
   * now; with checkpoints they wait, like any others, for a notification — the runtime sends {@link
   * CheckpointListener#END_OF_INPUT_CHECKPOINT_ID} once the whole job has ended, so a failure of
   * another subtask before that cannot make this subtask's last output appear twice.
   */
  @Override
  @SuppressWarnings("unchecked")
  public void finish() throws Exception {
    writer.flush(true);
    finished = true;
    if (committables != null) {
      Collection<Object> last = ((CommittingSinkWriter<T, Object>) writer).prepareCommit();
      if (context.isCheckpointingEnabled()) {
        committables.add(CheckpointListener.END_OF_INPUT_CHECKPOINT_ID, last);
      } else {
        committables.commitAll(last);
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (writer != null) {
        writer.close();
      }
    } finally {
      if (committables != null) {
        committables.close();
      }
    }
  }

  private void attachState() {
    if (committableState == null) {
      OperatorStateStore store = context.getOperatorStateStore();
      committableState =
          store.getUnionListState(
              new ListStateDescriptor<>(COMMITTABLES_STATE, SinkStateEntry.Serializer.INSTANCE));
      writerState =
          store.getListState(
              new ListStateDescriptor<>(WRITER_STATE, SinkStateEntry.Serializer.INSTANCE));
    }
  }

  private ClassLoader userClassLoader() {
    return context.getRuntimeContext().getUserCodeClassLoader();
  }

  /** The writer's view of the element being written; one instance reused. */
  private static final class WriterContext implements SinkWriter.Context {
    long timestamp = Output.NO_TIMESTAMP;
    long watermark = Long.MIN_VALUE;

    @Override
    public Long timestamp() {
      return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
    }

    @Override
    public long currentWatermark() {
      return watermark;
    }
  }
}
