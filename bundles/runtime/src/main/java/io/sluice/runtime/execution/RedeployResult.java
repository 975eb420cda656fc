package io.sluice.runtime.execution;

import java.time.Duration;

/**
 * How a running job moved onto newly selected services (a state backend swap).
 *
 * @param savepointPath the canonical savepoint the job was moved through, or null when it was
 *     restored from its latest completed checkpoint (the old backend had already gone)
 * @param restoredCheckpointId the checkpoint or savepoint id the new deployment restored
 * @param oldBackend the state backend before
 * @param newBackend the state backend after
 * @param duration from the request to the new deployment running
 */
public record RedeployResult(
    String savepointPath,
    long restoredCheckpointId,
    String oldBackend,
    String newBackend,
    Duration duration) {}
