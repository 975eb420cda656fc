package io.sluice.spi.checkpoint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link CheckpointStorage#latestValid}: the checkpoint to restore from, if any, and
 * the newer ones that did not verify, newest first.
 */
public record LatestValid(
    Optional<CompletedCheckpoint> checkpoint, List<SkippedCheckpoint> skipped) {
  public LatestValid {
    Objects.requireNonNull(checkpoint, "checkpoint");
    skipped = List.copyOf(skipped);
  }
}
