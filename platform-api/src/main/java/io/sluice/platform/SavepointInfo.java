package io.sluice.platform;

/**
 * A completed savepoint of a job, as {@code sluice savepoint} and {@code sluice stop --savepoint}
 * print it.
 *
 * @param jobId the job it was taken of
 * @param path the folder to pass to {@code --from-savepoint}
 * @param checkpointId the id it was taken under
 * @param durationMillis from trigger to completion
 */
public record SavepointInfo(String jobId, String path, long checkpointId, long durationMillis) {}
