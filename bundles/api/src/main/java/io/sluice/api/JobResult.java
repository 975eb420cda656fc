package io.sluice.api;

import java.time.Duration;

/**
 * How an executed job ended.
 *
 * @param jobId the job id
 * @param jobName the name given to {@code execute}
 * @param status the terminal status
 * @param duration from start to end
 * @param failure the cause if the status is FAILED, else null
 */
public record JobResult(
    String jobId, String jobName, JobStatus status, Duration duration, Throwable failure) {}
