package io.sluice.runtime.task;

import io.sluice.runtime.checkpoint.CheckpointBarrier;
import io.sluice.runtime.checkpoint.OperatorSubtaskState;
import io.sluice.runtime.checkpoint.TaskKey;
import io.sluice.runtime.network.RecordWriter;
import io.sluice.runtime.state.OperatorStateFormat;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import io.sluice.spi.state.CheckpointStorageTarget;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateHandle;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a subtask's part of a checkpoint when its barrier is complete: the synchronous part on the
 * task thread (every operator of the chain, head first, then the source reader's splits), then the
 * barrier goes downstream, then the pieces are written on the asynchronous writer while the task
 * goes on, and the coordinator is told the outcome.
 */
final class SubtaskCheckpointer implements BarrierAligner.Target {
  private final TaskDeployment deployment;
  private final OperatorChain chain;
  private final TaskKey key;
  private SourceInput source;

  SubtaskCheckpointer(TaskDeployment deployment, OperatorChain chain) {
    this.deployment = deployment;
    this.chain = chain;
    this.key = new TaskKey(deployment.vertex().id(), deployment.info().subtaskIndex());
  }

  void setSource(SourceInput source) {
    this.source = source;
  }

  @Override
  public void onBarrierComplete(CheckpointBarrier barrier) throws Exception {
    TaskCheckpointing checkpointing = deployment.services().checkpointing();
    long id = barrier.checkpointId();
    CheckpointStorage storage = checkpointing.storageFor().apply(id);
    if (storage == null) {
      forwardBarrier(barrier);
      checkpointing
          .responder()
          .decline(key, id, new IllegalStateException("no checkpoint storage is available"));
      return;
    }
    List<PendingOperatorSnapshot> pending = new ArrayList<>();
    try {
      for (OperatorHandle<?, ?> operator : chain.operators()) {
        pending.add(operator.snapshotState(id, barrier.kind()));
      }
      if (source != null) {
        pending.add(
            new PendingOperatorSnapshot(
                deployment.vertex().head().operatorId(),
                null,
                source.snapshotState(id),
                null,
                KeyGroups.rangeForOperator(
                    deployment.info().maxParallelism(),
                    deployment.info().parallelism(),
                    deployment.info().subtaskIndex())));
      }
    } catch (RuntimeException | IOException e) {
      // The checkpoint fails, not the task: the coordinator counts it against the tolerable
      // checkpoint failures and downstream alignments are released by the abort notice.
      pending.forEach(PendingOperatorSnapshot::release);
      checkpointing
          .responder()
          .decline(
              key,
              id,
              new IllegalStateException(
                  "the snapshot of "
                      + deployment.info().describe(deployment.vertex().name())
                      + " failed: "
                      + e.getMessage(),
                  e));
      return;
    }
    forwardBarrier(barrier);
    if (barrier.stopSources() && source != null) {
      source.suspend();
    }
    try {
      checkpointing.asyncWriter().execute(() -> writeAndAcknowledge(barrier, storage, pending));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      pending.forEach(PendingOperatorSnapshot::release);
      checkpointing.responder().decline(key, id, e);
    }
  }

  private void forwardBarrier(CheckpointBarrier barrier) throws InterruptedException {
    byte[] event = barrier.encode();
    for (RecordWriter<?> writer : chain.writers()) {
      writer.broadcastEvent(event);
    }
  }

  private void writeAndAcknowledge(
      CheckpointBarrier barrier, CheckpointStorage storage, List<PendingOperatorSnapshot> pending) {
    TaskCheckpointing checkpointing = deployment.services().checkpointing();
    long id = barrier.checkpointId();
    try {
      Map<String, OperatorSubtaskState> states = new LinkedHashMap<>();
      for (PendingOperatorSnapshot snapshot : pending) {
        states.put(snapshot.operatorId(), write(barrier, storage, snapshot));
      }
      checkpointing.responder().acknowledge(key, id, states);
    } catch (Throwable t) {
      checkpointing.responder().decline(key, id, t);
    } finally {
      pending.forEach(PendingOperatorSnapshot::release);
    }
  }

  private OperatorSubtaskState write(
      CheckpointBarrier barrier, CheckpointStorage storage, PendingOperatorSnapshot snapshot)
      throws IOException {
    CheckpointStorageTarget target =
        new CheckpointStorageTarget(
            storage,
            deployment.info().jobId(),
            barrier.checkpointId(),
            barrier.kind(),
            snapshot.operatorId(),
            deployment.info().subtaskIndex());
    KeyedStateHandle keyed = snapshot.keyed() == null ? null : snapshot.keyed().write(target);
    StateHandle operatorState = null;
    if (!snapshot.operatorState().isEmpty()) {
      try (StateOutputStream out = target.createPiece("operator")) {
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out));
        OperatorStateFormat.write(snapshot.operatorState(), data);
        data.flush();
        operatorState = out.closeAndGetHandle();
      }
    }
    StateHandle timers = null;
    if (snapshot.timers() != null) {
      try (StateOutputStream out = target.createPiece("timers")) {
        out.write(snapshot.timers());
        timers = out.closeAndGetHandle();
      }
    }
    return new OperatorSubtaskState(keyed, operatorState, timers, snapshot.keyGroupRange());
  }
}
