package io.sluice.api.operators;

import io.sluice.api.checkpoint.CheckpointListener;
import io.sluice.api.checkpoint.CheckpointedFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.RichFunction;

/**
 * An operator around one user function: opens and closes it if it is a {@link RichFunction}, lets
 * it keep operator state if it is a {@link CheckpointedFunction}, and tells it about completed
 * checkpoints if it is a {@link CheckpointListener}. The function instance is this subtask's own
 * copy.
 */
public abstract class UdfOperator<F extends Function, OUT> extends AbstractStreamOperator<OUT> {
  protected final F function;

  protected UdfOperator(F function) {
    this.function = function;
  }

  /** The user function this operator calls (this subtask's copy). */
  public final F userFunction() {
    return function;
  }

  @Override
  public void initializeState() throws Exception {
    if (function instanceof CheckpointedFunction checkpointed) {
      checkpointed.initializeState(context.getOperatorStateStore(), context.isRestored());
    }
  }

  @Override
  public void snapshotState(long checkpointId) throws Exception {
    if (function instanceof CheckpointedFunction checkpointed) {
      checkpointed.snapshotState(checkpointId);
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (function instanceof CheckpointListener listener) {
      listener.notifyCheckpointComplete(checkpointId);
    }
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    if (function instanceof CheckpointListener listener) {
      listener.notifyCheckpointAborted(checkpointId);
    }
  }

  @Override
  public void open() throws Exception {
    if (function instanceof RichFunction rich) {
      rich.open(context.getRuntimeContext());
    }
  }

  @Override
  public void close() throws Exception {
    if (function instanceof RichFunction rich) {
      rich.close();
    }
  }

  public F getFunction() {
    return function;
  }
}
