package io.sluice.runtime.state;

/** How a list of operator state is handed out when a job is restored, maybe rescaled. */
public enum DistributionMode {
  /** The items of all old subtasks are split into contiguous, even shares. */
  SPLIT,
  /** Every new subtask gets the items of all old subtasks. */
  UNION
}
