package io.sluice.shuffle.local;

/**
 * Channel {@code index} of a local input gate: the consuming end of one subpartition.
 *
 * <p>Threading: {@code queued} is guarded by the gate's lock; {@code finished} belongs to the
 * gate's task thread.
 */
final class LocalInputChannel {

  private final LocalInputGate gate;
  private final int index;
  private final LocalSubpartition subpartition;

  /** Whether the channel is in the gate's queue of channels with data; guarded by the gate. */
  boolean queued;

  /** Whether end-of-partition was dequeued; task thread only. */
  boolean finished;

  LocalInputChannel(LocalInputGate gate, int index, LocalSubpartition subpartition) {
    this.gate = gate;
    this.index = index;
    this.subpartition = subpartition;
  }

  LocalInputGate gate() {
    return gate;
  }

  int index() {
    return index;
  }

  LocalSubpartition subpartition() {
    return subpartition;
  }

  /** The subpartition went from empty to non-empty (any thread). */
  void notifyNonEmpty() {
    gate.queueChannel(this);
  }
}
