package io.sluice.testkit.harness;

import java.util.List;
import java.util.Map;

/**
 * The operator state of one operator subtask at a checkpoint: each named list's items in serialized
 * form and whether it is a union list.
 */
public record OperatorStateSnapshot(Map<String, NamedList> lists) {
  public OperatorStateSnapshot {
    lists = Map.copyOf(lists);
  }

  /** The number of items in list {@code name}, 0 if there is no such list. */
  public int size(String name) {
    NamedList list = lists.get(name);
    return list == null ? 0 : list.items().size();
  }

  /**
   * @param union whether every subtask gets all items on restore (else they are split)
   * @param items each item as its descriptor's serializer wrote it
   */
  public record NamedList(boolean union, List<byte[]> items) {
    public NamedList {
      items = List.copyOf(items);
    }
  }
}
