package io.sluice.spi.checkpoint;

import java.util.Objects;

/**
 * A completed checkpoint: its job and id, plus the storage and location it was committed to, so it
 * can be found again after the configured storage changes.
 *
 * @param storage the {@link CheckpointStorage#name()} that committed it
 * @param location where that storage keeps it (meaningful only to that storage)
 */
public record CheckpointHandle(String storage, String location, String jobId, long checkpointId) {
  public CheckpointHandle {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(jobId, "jobId");
  }
}
