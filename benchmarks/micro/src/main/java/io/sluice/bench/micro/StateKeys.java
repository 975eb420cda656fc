package io.sluice.bench.micro;

import java.util.Random;

/**
 * The keys the state benchmarks visit: 0 .. {@value #COUNT}-1, boxed once up front and shuffled
 * with a fixed seed, so consecutive accesses land in unrelated key groups and hash buckets on both
 * engines, and no key is boxed during measurement.
 */
final class StateKeys {
  static final int COUNT = 100_000;

  private final Long[] keys;
  private int next;

  StateKeys() {
    keys = new Long[COUNT];
    for (int i = 0; i < COUNT; i++) {
      keys[i] = (long) i;
    }
    Random random = new Random(42);
    for (int i = COUNT - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Long swap = keys[i];
      keys[i] = keys[j];
      keys[j] = swap;
    }
  }

  /** The next key in the shuffled cycle. */
  Long next() {
    Long key = keys[next];
    next = next + 1 == COUNT ? 0 : next + 1;
    return key;
  }
}
