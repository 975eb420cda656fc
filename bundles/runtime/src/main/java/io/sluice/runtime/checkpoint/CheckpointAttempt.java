package io.sluice.runtime.checkpoint;

import io.sluice.runtime.source.SourceCoordinator;
import io.sluice.runtime.task.StreamTask;
import java.util.List;
import java.util.Map;

/**
 * The running deployment a coordinator checkpoints: its subtasks, the sources' coordinators (by the
 * source's operator id) and each operator's parallelism.
 */
public record CheckpointAttempt(
    List<StreamTask> tasks,
    Map<String, SourceCoordinator<?>> sources,
    Map<String, List<StreamTask>> sourceTasks,
    Map<String, Integer> operatorParallelism) {}
