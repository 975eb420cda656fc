package io.sluice.runtime.task;

/** Learns how each subtask ends; implemented by the job execution. Called from task threads. */
public interface TaskListener {
  void taskFinished(String taskDescription);

  /**
   * With periodic checkpoints: the subtask finished its operators and output and now waits for the
   * final notification (sent once every subtask reached this point) before it ends.
   */
  default void taskReachedEnd(String taskDescription) {}

  void taskFailed(String taskDescription, Throwable cause);
}
