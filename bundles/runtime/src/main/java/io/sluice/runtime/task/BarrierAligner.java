package io.sluice.runtime.task;

import io.sluice.runtime.checkpoint.CheckpointBarrier;
import java.util.List;

/**
 * Decides when a task with network input takes its part of a checkpoint: once the barrier has
 * arrived on every channel of every input that has not ended. (A single ended channel still counts:
 * its barrier may be queued behind data; if it never comes, the checkpoint is aborted and {@link
 * #abort} releases the alignment.) With alignment (exactly-once) a channel whose barrier arrived is
 * blocked until then, so no record after the barrier reaches the operators before the snapshot;
 * without alignment (at-least-once) records keep flowing. A barrier of a newer checkpoint abandons
 * an unfinished alignment (its checkpoint was aborted upstream). Confined to the task thread.
 */
final class BarrierAligner {

  /** Takes the snapshot once the barrier is complete. */
  interface Target {
    void onBarrierComplete(CheckpointBarrier barrier) throws Exception;
  }

  private final List<BlockableInputGate> gates;
  private final int[] offsets;
  private final boolean aligned;
  private final Target target;
  private final boolean[] arrived;
  private CheckpointBarrier current;
  private int arrivedCount;
  private long lastCompleted = -1;

  BarrierAligner(List<BlockableInputGate> gates, boolean aligned, Target target) {
    this.gates = gates;
    this.aligned = aligned;
    this.target = target;
    this.offsets = new int[gates.size()];
    int total = 0;
    for (int i = 0; i < gates.size(); i++) {
      offsets[i] = total;
      total += gates.get(i).numberOfChannels();
    }
    this.arrived = new boolean[total];
  }

  /** A barrier arrived on {@code channel} of input {@code input}. */
  void onBarrier(int input, int channel, CheckpointBarrier barrier) throws Exception {
    long id = barrier.checkpointId();
    if (id <= lastCompleted || (current != null && id < current.checkpointId())) {
      return; // late barrier of a checkpoint already taken or abandoned
    }
    if (current == null || id > current.checkpointId()) {
      reset();
      current = barrier;
    }
    int global = offsets[input] + channel;
    if (!arrived[global]) {
      arrived[global] = true;
      arrivedCount++;
      if (aligned) {
        gates.get(input).block(channel);
      }
    }
    maybeComplete();
  }

  /** An input ended: it will send no more barriers, so it no longer holds up an alignment. */
  void onInputFinished() throws Exception {
    maybeComplete();
  }

  /** The coordinator aborted checkpoint {@code id}: stop aligning for it. */
  void abort(long id) {
    // Remember the abort even before any barrier of it arrived: a barrier that comes later (from a
    // producer still running) must not start an alignment that the finished producers never end.
    lastCompleted = Math.max(lastCompleted, id);
    if (current != null && current.checkpointId() <= id) {
      reset();
    }
  }

  private void maybeComplete() throws Exception {
    if (current == null) {
      return;
    }
    for (int input = 0; input < gates.size(); input++) {
      BlockableInputGate gate = gates.get(input);
      if (gate.isFinished()) {
        continue;
      }
      for (int c = 0; c < gate.numberOfChannels(); c++) {
        if (!arrived[offsets[input] + c]) {
          return;
        }
      }
    }
    CheckpointBarrier barrier = current;
    lastCompleted = barrier.checkpointId();
    reset();
    target.onBarrierComplete(barrier);
  }

  private void reset() {
    current = null;
    arrivedCount = 0;
    java.util.Arrays.fill(arrived, false);
    for (BlockableInputGate gate : gates) {
      gate.unblockAll();
    }
  }
}
