package io.sluice.spi.checkpoint;

import java.util.Objects;

/** A completed checkpoint passed over during recovery, and why (typically a checksum mismatch). */
public record SkippedCheckpoint(long checkpointId, String reason) {
  public SkippedCheckpoint {
    Objects.requireNonNull(reason, "reason");
  }
}
