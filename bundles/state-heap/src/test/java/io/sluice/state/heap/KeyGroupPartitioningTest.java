package io.sluice.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The heap backends of all subtasks of one operator together hold every key exactly once: the
 * property rescaling relies on.
 */
class KeyGroupPartitioningTest {
  private static final int MAX = TestBackends.MAX_PARALLELISM;

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void subtaskRangesCoverEveryKeyGroupExactlyOnce(int parallelism) {
    int[] owners = new int[MAX];
    for (int subtask = 0; subtask < parallelism; subtask++) {
      try (HeapKeyedStateBackend<String> backend = TestBackends.subtask(parallelism, subtask)) {
        KeyGroupRange range = backend.getKeyGroupRange();
        for (int group = range.startKeyGroup(); group <= range.endKeyGroup(); group++) {
          owners[group]++;
        }
      }
    }

    assertThat(owners).containsOnly(1);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyKeyIsAcceptedByExactlyTheSubtaskThePartitionerRoutesItTo(int parallelism) {
    List<HeapKeyedStateBackend<String>> backends = new ArrayList<>();
    List<ValueState<String>> states = new ArrayList<>();
    for (int subtask = 0; subtask < parallelism; subtask++) {
      HeapKeyedStateBackend<String> backend = TestBackends.subtask(parallelism, subtask);
      backends.add(backend);
      states.add(backend.getState(new ValueStateDescriptor<>("last", String.class)));
    }
    Set<String> keys = randomKeys(new Random(parallelism), 5_000);

    for (String key : keys) {
      List<Integer> accepting = new ArrayList<>();
      for (int subtask = 0; subtask < parallelism; subtask++) {
        try {
          backends.get(subtask).setCurrentKey(key);
        } catch (IllegalArgumentException rejected) {
          continue;
        }
        accepting.add(subtask);
        states.get(subtask).update(key);
      }
      int keyGroup = KeyGroups.assignToKeyGroup(key, MAX);
      assertThat(accepting)
          .as("subtasks accepting key '%s' in key group %d", key, keyGroup)
          .containsExactly(KeyGroups.operatorIndexForKeyGroup(MAX, parallelism, keyGroup));
    }

    Set<String> stored = new LinkedHashSet<>();
    int entries = 0;
    for (HeapKeyedStateBackend<String> backend : backends) {
      backend.keys("last").forEach(stored::add);
      entries += backend.numberOfEntries("last");
      backend.close();
    }
    assertThat(stored).isEqualTo(keys);
    assertThat(entries).isEqualTo(keys.size());
  }

  private static Set<String> randomKeys(Random random, int count) {
    Set<String> keys = new LinkedHashSet<>();
    while (keys.size() < count) {
      char[] chars = new char[1 + random.nextInt(12)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) (' ' + random.nextInt(95));
      }
      keys.add(new String(chars));
    }
    return keys;
  }
}
