package io.sluice.state.heap;

import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateBackendParameters;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Builds heap backends with String keys for the tests. */
final class TestBackends {
  static final String JOB = "job-7";
  static final String OPERATOR = "count-per-word";
  static final int MAX_PARALLELISM = KeyGroups.DEFAULT_MAX_PARALLELISM;

  private TestBackends() {}

  /** A backend owning all key groups, as a job with parallelism 1 has. */
  static HeapKeyedStateBackend<String> allKeyGroups() {
    return subtask(1, 0);
  }

  static HeapKeyedStateBackend<String> subtask(int parallelism, int subtaskIndex) {
    return new HeapKeyedStateBackend<>(parameters(parallelism, subtaskIndex));
  }

  static KeyedStateBackendParameters<String> parameters(int parallelism, int subtaskIndex) {
    KeyGroupRange range = KeyGroups.rangeForOperator(MAX_PARALLELISM, parallelism, subtaskIndex);
    return new KeyedStateBackendParameters<>(
        JOB, OPERATOR, subtaskIndex, new StringSerializer(), range, MAX_PARALLELISM);
  }

  static int keyGroupOf(String key) {
    return KeyGroups.assignToKeyGroup(key, MAX_PARALLELISM);
  }

  /** The first key "key-N" whose key group satisfies {@code keyGroupTest}. */
  static String keyWhoseGroup(IntPredicate keyGroupTest) {
    return IntStream.range(0, 100_000)
        .mapToObj(i -> "key-" + i)
        .filter(key -> keyGroupTest.test(keyGroupOf(key)))
        .findFirst()
        .orElseThrow();
  }

  /** A key "other-N" in {@code keyGroup}, distinct from every "key-N". */
  static String anotherKeyInGroup(int keyGroup) {
    return IntStream.range(0, 100_000)
        .mapToObj(i -> "other-" + i)
        .filter(key -> keyGroupOf(key) == keyGroup)
        .findFirst()
        .orElseThrow();
  }
}
