package io.sluice.runtime.checkpoint;

import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.JobVertex;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.state.OperatorStateFormat;
import io.sluice.runtime.state.OperatorStateRedistribution;
import io.sluice.runtime.state.RestoredList;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.StateStreamOpener;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands a completed checkpoint or savepoint out to the subtasks of a job graph, matching operators
 * by id (uid) and rescaling: keyed state by key group ranges, operator state by {@link
 * OperatorStateRedistribution}. Checks up front that every operator in the checkpoint still exists
 * (unless non-restored state is allowed) and that the number of key groups is unchanged.
 */
public final class RestorePlan {
  private final CheckpointMetadata metadata;
  private final StateStreamOpener opener;
  private final String description;
  private final Map<String, List<Map<String, RestoredList>>> operatorState = new HashMap<>();

  private RestorePlan(CheckpointMetadata metadata, StateStreamOpener opener, String description) {
    this.metadata = metadata;
    this.opener = opener;
    this.description = description;
  }

  /**
   * @param description the checkpoint's path or id, for messages
   * @throws IllegalStateException if the checkpoint does not fit the job (message says why and what
   *     to do)
   * @throws IOException if operator state cannot be read
   */
  public static RestorePlan create(
      CheckpointMetadata metadata,
      CheckpointStorage storage,
      JobGraph graph,
      boolean allowNonRestoredState,
      String description)
      throws IOException {
    RestorePlan plan = new RestorePlan(metadata, storage::openStateStream, description);
    plan.validate(graph, allowNonRestoredState);
    plan.loadOperatorState();
    return plan;
  }

  public long checkpointId() {
    return metadata.checkpointId();
  }

  public String description() {
    return description;
  }

  /** The restored state of one operator subtask of the new job, or null if it has none. */
  public OperatorRestore forOperator(String operatorId, int subtask, int parallelism) {
    OperatorState old = metadata.operators().get(operatorId);
    if (old == null) {
      return null;
    }
    KeyGroupRange range =
        KeyGroups.rangeForOperator(metadata.maxParallelism(), parallelism, subtask);
    List<KeyedStateHandle> keyed = new ArrayList<>();
    List<StateHandle> timers = new ArrayList<>();
    for (OperatorSubtaskState state : old.subtasks().values()) {
      if (!overlaps(state.keyGroupRange(), range)) {
        continue;
      }
      if (state.keyed() != null) {
        keyed.add(state.keyed());
      }
      if (state.timers() != null) {
        timers.add(state.timers());
      }
    }
    List<Map<String, RestoredList>> lists = operatorState.get(operatorId);
    Map<String, RestoredList> mine =
        lists == null || lists.isEmpty()
            ? Map.of()
            : OperatorStateRedistribution.forSubtask(lists, subtask, parallelism);
    return new OperatorRestore(keyed, mine, timers, opener);
  }

  /** The enumerator state of a source, or null. */
  public EnumeratorState enumeratorState(String operatorId) {
    return metadata.enumerators().get(operatorId);
  }

  private void validate(JobGraph graph, boolean allowNonRestoredState) {
    Set<String> present = new HashSet<>();
    int maxParallelism = graph.streamGraph().maxParallelism();
    for (JobVertex vertex : graph.vertices()) {
      for (StreamNode node : vertex.chainedNodes()) {
        present.add(node.operatorId());
      }
    }
    List<String> missing = new ArrayList<>();
    for (String operatorId : metadata.operators().keySet()) {
      if (!present.contains(operatorId)) {
        missing.add(operatorId);
      }
    }
    if (!missing.isEmpty() && !allowNonRestoredState) {
      throw new IllegalStateException(
          description
              + " holds state of operators the job does not have: "
              + missing
              + ". Give the operators the same uid(...) as in the job that took it, or pass"
              + " --allow-non-restored-state to drop that state.");
    }
    boolean keyedState =
        metadata.operators().values().stream()
            .flatMap(o -> o.subtasks().values().stream())
            .anyMatch(s -> s.keyed() != null || s.timers() != null);
    if (keyedState && metadata.maxParallelism() != maxParallelism) {
      throw new IllegalStateException(
          description
              + " was taken with max parallelism "
              + metadata.maxParallelism()
              + " (key groups), the job now has "
              + maxParallelism
              + "; keyed state can only be restored with the same max parallelism (set"
              + " env.setMaxParallelism("
              + metadata.maxParallelism()
              + "))");
    }
  }

  private void loadOperatorState() throws IOException {
    for (OperatorState operator : metadata.operators().values()) {
      List<Map<String, RestoredList>> lists = new ArrayList<>();
      boolean any = false;
      for (int subtask = 0; subtask < operator.parallelism(); subtask++) {
        OperatorSubtaskState state = operator.subtasks().get(subtask);
        if (state == null || state.operatorState() == null) {
          lists.add(Map.of());
          continue;
        }
        any = true;
        try (InputStream in = opener.open(state.operatorState())) {
          lists.add(
              OperatorStateFormat.read(
                  new DataInputStream(new java.io.BufferedInputStream(in)),
                  "operator state of " + operator.operatorId() + " subtask " + subtask));
        }
      }
      if (any) {
        operatorState.put(operator.operatorId(), lists);
      }
    }
  }

  private static boolean overlaps(KeyGroupRange a, KeyGroupRange b) {
    return a.size() > 0
        && b.size() > 0
        && a.startKeyGroup() <= b.endKeyGroup()
        && b.startKeyGroup() <= a.endKeyGroup();
  }
}
