package io.sluice.spi.state;

/**
 * The arithmetic of key groups, shared by the partitioner and every state backend so that a key
 * always lands in the subtask whose state holds it.
 *
 * <p>A key's group is {@code murmur(key.hashCode()) mod maxParallelism}; subtask {@code i} of
 * {@code p} owns the contiguous groups {@code [ceil(i*max/p), ceil((i+1)*max/p) - 1]}.
 */
public final class KeyGroups {

  /**
   * The default number of key groups, and so the highest parallelism a keyed job can be rescaled
   * to.
   */
  public static final int DEFAULT_MAX_PARALLELISM = 128;

  private KeyGroups() {}

  /** The key group of {@code key}. Keys must have a hashCode that is stable across JVMs. */
  public static int assignToKeyGroup(Object key, int maxParallelism) {
    return computeKeyGroupForKeyHash(key.hashCode(), maxParallelism);
  }

  public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
    int positive = murmurMix(keyHash) & 0x7fffffff;
    // For a power of two (the default 128) a mask gives the same result as the remainder without
    // an integer division, which costs tens of cycles on both sides of a keyed shuffle per record.
    return (maxParallelism & (maxParallelism - 1)) == 0
        ? positive & (maxParallelism - 1)
        : positive % maxParallelism;
  }

  /** The subtask that owns {@code keyGroup} when the operator runs with {@code parallelism}. */
  public static int operatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
    return keyGroup * parallelism / maxParallelism;
  }

  /** The key groups owned by subtask {@code operatorIndex} of {@code parallelism}. */
  public static KeyGroupRange rangeForOperator(
      int maxParallelism, int parallelism, int operatorIndex) {
    if (parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "parallelism " + parallelism + " exceeds max parallelism " + maxParallelism);
    }
    int start = (operatorIndex * maxParallelism + parallelism - 1) / parallelism;
    int end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
    return new KeyGroupRange(start, end);
  }

  /** Murmur3's 32-bit finalizer over one block, spreading poor hashCodes (small ints) evenly. */
  static int murmurMix(int h) {
    int k = h * 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    k *= 0x1b873593;
    int m = Integer.rotateLeft(k, 13) * 5 + 0xe6546b64;
    m ^= 4;
    m ^= m >>> 16;
    m *= 0x85ebca6b;
    m ^= m >>> 13;
    m *= 0xc2b2ae35;
    m ^= m >>> 16;
    return m;
  }
}
