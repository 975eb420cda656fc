package io.sluice.platform;

/**
 * What the platform tells about one job.
 *
 * @param id the job id
 * @param name the name given to {@code execute(name)}, or the bundle's symbolic name before that
 * @param status CREATED, RUNNING, FINISHED, FAILED or CANCELED
 * @param bundleId the job bundle
 * @param startTimeMillis when it was submitted
 * @param endTimeMillis when it ended, or 0 while running
 * @param error the one-paragraph cause of a failure, or null
 */
public record JobInfo(
    String id,
    String name,
    String status,
    long bundleId,
    long startTimeMillis,
    long endTimeMillis,
    String error) {

  public boolean isTerminal() {
    return status.equals("FINISHED") || status.equals("FAILED") || status.equals("CANCELED");
  }
}
