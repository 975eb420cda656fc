package io.sluice.api.functions;

import io.sluice.api.state.KeyedStateStore;

/**
 * What a function can learn about, and use from, the subtask it runs in. The keyed-state methods
 * work on a keyed stream only (after {@code keyBy}); elsewhere they fail with a clear error.
 */
public interface RuntimeContext extends KeyedStateStore {
  String getJobId();

  /** "operator name (index+1/parallelism)", as in logs and errors. */
  String getTaskNameWithSubtask();

  int getIndexOfThisSubtask();

  int getNumberOfParallelSubtasks();

  int getMaxNumberOfParallelSubtasks();

  /** The class loader of the job bundle. */
  ClassLoader getUserCodeClassLoader();
}
