package io.sluice.runtime.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the operator state of the old subtasks of an operator to one new subtask: SPLIT lists are
 * concatenated in old-subtask order and cut into {@code newParallelism} contiguous, even shares;
 * UNION lists go to everyone whole. With unchanged parallelism, SPLIT gives each subtask exactly
 * its own items back only if they were evenly sized, so equal parallelism keeps the old assignment
 * instead.
 */
public final class OperatorStateRedistribution {
  private OperatorStateRedistribution() {}

  /**
   * @param old the lists of every old subtask, by old subtask index
   */
  public static Map<String, RestoredList> forSubtask(
      List<Map<String, RestoredList>> old, int subtask, int newParallelism) {
    if (old.size() == newParallelism) {
      return old.get(subtask);
    }
    Map<String, List<byte[]>> all = new LinkedHashMap<>();
    Map<String, DistributionMode> modes = new LinkedHashMap<>();
    for (Map<String, RestoredList> lists : old) {
      for (Map.Entry<String, RestoredList> entry : lists.entrySet()) {
        all.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
            .addAll(entry.getValue().items());
        modes.putIfAbsent(entry.getKey(), entry.getValue().mode());
      }
    }
    Map<String, RestoredList> mine = new LinkedHashMap<>();
    for (Map.Entry<String, List<byte[]>> entry : all.entrySet()) {
      DistributionMode mode = modes.get(entry.getKey());
      List<byte[]> items = entry.getValue();
      if (mode == DistributionMode.UNION) {
        mine.put(entry.getKey(), new RestoredList(mode, items));
      } else {
        int from = (int) ((long) subtask * items.size() / newParallelism);
        int to = (int) ((long) (subtask + 1) * items.size() / newParallelism);
        mine.put(entry.getKey(), new RestoredList(mode, items.subList(from, to)));
      }
    }
    return mine;
  }
}
