package io.sluice.platform;

/**
 * How one running job moved onto a newly selected state backend. Either it moved through a
 * canonical savepoint taken on the old backend ({@code savepointPath} set), or, when the old
 * backend had already gone, it restarted from its latest completed checkpoint ({@code
 * savepointPath} null); or it did not move and {@code error} says why.
 *
 * @param jobId the job
 * @param jobName its name
 * @param oldBackend the state backend it ran on
 * @param newBackend the state backend it was moved to
 * @param savepointPath the savepoint it moved through, or null
 * @param restoredCheckpointId the checkpoint or savepoint id the new deployment restored, or -1
 * @param durationMillis from the request to the new deployment running
 * @param error why the move failed, or null when it succeeded
 */
public record JobMove(
    String jobId,
    String jobName,
    String oldBackend,
    String newBackend,
    String savepointPath,
    long restoredCheckpointId,
    long durationMillis,
    String error) {

  public boolean succeeded() {
    return error == null;
  }
}
