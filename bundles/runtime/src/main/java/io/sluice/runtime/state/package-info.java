/** Operator (non-keyed) state of a subtask: lists checkpointed and redistributed on restore. */
package io.sluice.runtime.state;
