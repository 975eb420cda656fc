package io.sluice.runtime.checkpoint;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A checkpoint or savepoint the coordinator completed.
 *
 * @param metadata what was committed
 * @param path where it is (to restore from)
 * @param duration from trigger to commit
 * @param notified completes once every running subtask has processed the completion notice
 *     (two-phase sinks committed)
 */
public record CompletedCheckpointInfo(
    CheckpointMetadata metadata, String path, Duration duration, CompletableFuture<Void> notified) {

  public long checkpointId() {
    return metadata.checkpointId();
  }
}
