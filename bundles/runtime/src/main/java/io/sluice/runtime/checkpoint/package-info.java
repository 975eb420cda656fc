/**
 * Checkpoints: barriers, the coordinator in the job master, what tasks send it, the metadata
 * format, and how a restored checkpoint is handed out to the subtasks of a (maybe rescaled) job.
 */
package io.sluice.runtime.checkpoint;
