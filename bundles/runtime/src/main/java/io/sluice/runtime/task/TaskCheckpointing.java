package io.sluice.runtime.task;

import io.sluice.api.checkpoint.CheckpointingMode;
import io.sluice.runtime.checkpoint.CheckpointResponder;
import io.sluice.runtime.checkpoint.RestorePlan;
import io.sluice.spi.checkpoint.CheckpointStorage;
import java.util.concurrent.Executor;

/**
 * What subtasks need to take part in checkpoints, shared by the subtasks of one job attempt.
 *
 * @param storageFor where the pieces of a checkpoint go, by checkpoint id (savepoints go to their
 *     own directory); returns null if no storage is available (the checkpoint is then declined)
 * @param responder the coordinator, told of each subtask's outcome
 * @param asyncWriter runs the asynchronous part of snapshots (writing pieces)
 * @param mode aligned (exactly-once) or unaligned (at-least-once) barriers
 * @param restore the checkpoint the attempt starts from, or null
 * @param periodic whether the job takes periodic checkpoints (then a subtask that reached the end
 *     of its input waits for the job-wide final notification before it ends)
 */
public record TaskCheckpointing(
    java.util.function.LongFunction<CheckpointStorage> storageFor,
    CheckpointResponder responder,
    Executor asyncWriter,
    CheckpointingMode mode,
    RestorePlan restore,
    boolean periodic) {}
