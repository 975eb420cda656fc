package io.sluice.runtime.execution;

import java.time.Duration;

/**
 * A completed savepoint.
 *
 * @param path the folder to pass to {@code --from-savepoint}
 * @param checkpointId the id it was taken under
 * @param duration from trigger to completion
 */
public record SavepointResult(String path, long checkpointId, Duration duration) {}
