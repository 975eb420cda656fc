package io.sluice.runtime.task;

/**
 * Who a subtask is, for contexts and error messages.
 *
 * @param jobId the job
 * @param taskName the chain's name
 * @param subtaskIndex from 0
 * @param parallelism number of subtasks
 * @param maxParallelism number of key groups
 * @param userClassLoader the job bundle's class loader
 */
public record TaskInfo(
    String jobId,
    String taskName,
    int subtaskIndex,
    int parallelism,
    int maxParallelism,
    ClassLoader userClassLoader) {

  /** "name (i/n)" with i from 1, as Flink prints subtasks. */
  public String describe(String name) {
    return name + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
  }
}
