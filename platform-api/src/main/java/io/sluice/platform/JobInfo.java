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
 * @param stateBackend the state backend the job's current deployment runs on, or null before it is
 *     deployed and after it ended
 * @param lastCheckpointId the newest completed checkpoint of the job in the selected checkpoint
 *     storage, or -1 if there is none
 */
public record JobInfo(
    String id,
    String name,
    String status,
    long bundleId,
    long startTimeMillis,
    long endTimeMillis,
    String error,
    String stateBackend,
    long lastCheckpointId) {

  /** A job without backend or checkpoint information (what platform API 1.0 reported). */
  public JobInfo(
      String id,
      String name,
      String status,
      long bundleId,
      long startTimeMillis,
      long endTimeMillis,
      String error) {
    this(id, name, status, bundleId, startTimeMillis, endTimeMillis, error, null, -1);
  }

  public boolean isTerminal() {
    return status.equals("FINISHED") || status.equals("FAILED") || status.equals("CANCELED");
  }
}
