package io.sluice.testkit.harness;

import io.sluice.runtime.state.DistributionMode;
import io.sluice.runtime.state.RestoredList;
import java.util.Map;

/**
 * The operator state of one operator subtask at a checkpoint, as the runtime's operator state store
 * writes it: each named list's items as bytes, with how they are redistributed on restore.
 */
public record OperatorStateSnapshot(Map<String, RestoredList> lists) {
  public OperatorStateSnapshot {
    lists = Map.copyOf(lists);
  }

  /** The number of items in list {@code name}, 0 if there is no such list. */
  public int size(String name) {
    RestoredList list = lists.get(name);
    return list == null ? 0 : list.items().size();
  }

  /** Whether list {@code name} is a union list (every subtask gets all items on restore). */
  public boolean isUnion(String name) {
    RestoredList list = lists.get(name);
    return list != null && list.mode() == DistributionMode.UNION;
  }
}
