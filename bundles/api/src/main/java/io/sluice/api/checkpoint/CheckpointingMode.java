package io.sluice.api.checkpoint;

/** The guarantee checkpoints give for the state and (with two-phase sinks) the output. */
public enum CheckpointingMode {
  /**
   * Barriers are aligned: a task with several input channels holds back a channel whose barrier
   * arrived until the barrier has arrived on every channel, so each record affects the state of
   * exactly one checkpoint.
   */
  EXACTLY_ONCE,
  /**
   * Barriers are not aligned: records keep flowing on every channel, so after a failure some
   * records may be replayed into state that already saw them. Lower latency under skew.
   */
  AT_LEAST_ONCE
}
