package io.sluice.runtime.task;

/** Learns how each subtask ends; implemented by the job execution. Called from task threads. */
public interface TaskListener {
  void taskFinished(String taskDescription);

  void taskFailed(String taskDescription, Throwable cause);
}
