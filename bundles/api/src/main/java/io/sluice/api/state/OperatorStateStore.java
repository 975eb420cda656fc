package io.sluice.api.state;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Non-keyed state of one operator subtask: lists of items that are checkpointed with the subtask
 * and handed out again on restore. When the parallelism changes, the items of all old subtasks are
 * redistributed: {@link #getListState} splits them evenly (each item goes to exactly one new
 * subtask); {@link #getUnionListState} gives every new subtask all of them.
 *
 * <p>Confined to the task thread.
 */
@ProviderType
public interface OperatorStateStore {

  /** A list whose items are split evenly across subtasks on restore. */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  /** A list whose items from all subtasks are given to every subtask on restore. */
  <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor);
}
