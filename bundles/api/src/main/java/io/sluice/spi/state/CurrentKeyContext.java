package io.sluice.spi.state;

/**
 * The current key of one keyed backend and its key group, shared by all of the backend's states so
 * that the key group is computed once per key, not once per state access; also the one place that
 * knows whether the backend is closed. Rejects keys outside the backend's key groups with a message
 * that says what went wrong (records routed by another key or max parallelism). Shared by the heap
 * and RocksDB backends, which add their own key representation on top.
 *
 * <p>Confined to the task thread.
 *
 * @param <K> the type of the keys
 */
public final class CurrentKeyContext<K> {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final String owner;
  private K currentKey;
  private int currentKeyGroup = -1;
  private int currentKeyHash;
  private long keyVersion;
  private boolean closed;

  /**
   * @throws IllegalArgumentException if the key group range exceeds the max parallelism
   */
  public CurrentKeyContext(KeyedStateBackendParameters<K> parameters) {
    this.keyGroupRange = parameters.keyGroupRange();
    this.maxParallelism = parameters.maxParallelism();
    this.owner = ownerOf(parameters);
    if (keyGroupRange.size() > 0 && keyGroupRange.endKeyGroup() >= maxParallelism) {
      throw new IllegalArgumentException(
          "key group range ["
              + keyGroupRange.startKeyGroup()
              + ", "
              + keyGroupRange.endKeyGroup()
              + "] of "
              + owner
              + " exceeds max parallelism "
              + maxParallelism);
    }
  }

  /** Who holds the state, e.g. "operator 'sum' (subtask 1) of job 'j'", for messages. */
  public static String ownerOf(KeyedStateBackendParameters<?> parameters) {
    return "operator '"
        + parameters.operatorId()
        + "' (subtask "
        + parameters.subtaskIndex()
        + ") of job '"
        + parameters.jobId()
        + "'";
  }

  /**
   * Makes {@code key} current and returns its key group.
   *
   * @throws IllegalArgumentException if the key's group is outside the range
   * @throws IllegalStateException if the backend is closed
   */
  public int setCurrentKey(K key) {
    checkOpen();
    if (key == null) {
      // Not Objects.requireNonNull(key, supplier): the capturing lambda would cost an allocation
      // per record wherever escape analysis gives up.
      throw new NullPointerException("keyed state of " + owner + " cannot hold a null key");
    }
    int hash = key.hashCode();
    int keyGroup = KeyGroups.computeKeyGroupForKeyHash(hash, maxParallelism);
    if (!keyGroupRange.contains(keyGroup)) {
      throw outOfRange(key, keyGroup);
    }
    currentKey = key;
    currentKeyGroup = keyGroup;
    currentKeyHash = hash;
    keyVersion++;
    return keyGroup;
  }

  private IllegalArgumentException outOfRange(K key, int keyGroup) {
    return new IllegalArgumentException(
        "key '"
            + key
            + "' belongs to key group "
            + keyGroup
            + ", outside the key groups ["
            + keyGroupRange.startKeyGroup()
            + ", "
            + keyGroupRange.endKeyGroup()
            + "] of "
            + owner
            + " (max parallelism "
            + maxParallelism
            + "); the record was routed to the wrong subtask: check that the partitioner and"
            + " the state use the same key and max parallelism, and that the key's hashCode"
            + " is deterministic");
  }

  /** The current key, or null before the first {@link #setCurrentKey}. */
  public K currentKey() {
    return currentKey;
  }

  /**
   * The {@code hashCode} of the current key, computed once in {@link #setCurrentKey} (for the key
   * group) and reused by backends that hash keys again; meaningless before the first key.
   */
  public int currentKeyHash() {
    return currentKeyHash;
  }

  /**
   * Changes with every {@link #setCurrentKey} (also when the same key is set again): a backend can
   * remember where it found the current key and know, by comparing a number, whether that is still
   * the current key. A number, not the key object, because storing a freshly allocated key in a
   * long-lived object costs a GC write barrier with a memory fence on every record.
   */
  public long keyVersion() {
    return keyVersion;
  }

  /**
   * @throws IllegalStateException if the backend is closed or no key is current
   */
  public int currentKeyGroup() {
    checkOpen();
    if (currentKey == null) {
      throw new IllegalStateException("no current key is set in the keyed state of " + owner);
    }
    return currentKeyGroup;
  }

  /**
   * The index of the current key's group within the range, for an access to state {@code
   * stateName}.
   *
   * @throws IllegalStateException if the backend is closed or no key is current
   */
  public int currentKeyGroupIndex(String stateName) {
    checkOpen();
    if (currentKey == null) {
      throw noCurrentKey(stateName);
    }
    return currentKeyGroup - keyGroupRange.startKeyGroup();
  }

  // Messages are built apart from the checks, which run on every state access and should stay
  // small enough for the JIT to inline them.
  private IllegalStateException noCurrentKey(String stateName) {
    return new IllegalStateException(
        "state '"
            + stateName
            + "' of "
            + owner
            + " was accessed with no current key; keyed state can only be used while a keyed"
            + " record or timer is processed");
  }

  public KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  public int maxParallelism() {
    return maxParallelism;
  }

  public String owner() {
    return owner;
  }

  /**
   * @throws IllegalStateException if the backend is closed
   */
  public void checkOpen() {
    if (closed) {
      throw closedException();
    }
  }

  private IllegalStateException closedException() {
    return new IllegalStateException(
        "the keyed state of " + owner + " is closed; its state handles can no longer be used");
  }

  public boolean isClosed() {
    return closed;
  }

  /** Marks the backend closed and forgets the current key; idempotent. */
  public void close() {
    closed = true;
    currentKey = null;
    currentKeyGroup = -1;
    keyVersion++;
  }
}
