package io.sluice.state.rocksdb;

import io.sluice.api.state.MapState;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A {@link MapState} storing each map entry as its own RocksDB entry: key {@code current key bytes
 * + serialized map key}, value the serialized map value (timestamp first with a time-to-live). Key
 * serializers are self-delimiting, so the current key's bytes are a prefix of its entries' keys and
 * of no other key's: iteration is a prefix scan, in the order of the serialized map keys.
 *
 * <p>Iterators read the entries of the key current when the view was created, {@value
 * StateColumn#SCAN_BATCH} at a time (no native iterator stays open between calls); they see writes
 * made meanwhile only past the batch they hold. Their {@code remove()} and the entries' {@code
 * setValue} write through. With a time-to-live each entry expires on its own, reads as absent once
 * expired and is deleted when it is looked up or iterated over; reads restamp under {@code
 * OnReadAndWrite}. Null map keys and values are rejected; an empty map is simply no entries.
 */
final class RocksDbMapState<UK, UV> implements MapState<UK, UV> {
  private final StateColumn column;
  private final ValueCodec<UK> keyCodec;
  private final ValueCodec<UV> valueCodec;
  private final TtlPolicy policy;

  /**
   * @param keyCodec the map keys' codec, never timestamped
   * @param policy the time-to-live, or null for none
   */
  RocksDbMapState(
      StateColumn column, ValueCodec<UK> keyCodec, ValueCodec<UV> valueCodec, TtlPolicy policy) {
    this.column = column;
    this.keyCodec = keyCodec;
    this.valueCodec = valueCodec;
    this.policy = policy;
  }

  @Override
  public UV get(UK key) {
    requireKey(key);
    byte[] entryKey = keyCodec.encodeAfter(column.currentKey(), key);
    byte[] bytes = column.get(entryKey);
    if (bytes == null) {
      return null;
    }
    Stamped<UV> stored = valueCodec.decode(bytes);
    return live(entryKey, stored, policy == null ? 0 : policy.now()) ? stored.value() : null;
  }

  @Override
  public void put(UK key, UV value) {
    requireKey(key);
    requireValue(value, key);
    column.put(keyCodec.encodeAfter(column.currentKey(), key), valueCodec.encode(value, now()));
  }

  /** Puts all of {@code entries}, or none of them if a key or value is null. */
  @Override
  public void putAll(Map<UK, UV> entries) {
    Objects.requireNonNull(entries, () -> "map state '" + column.name() + "' was given a null map");
    for (Map.Entry<UK, UV> entry : entries.entrySet()) {
      requireKey(entry.getKey());
      requireValue(entry.getValue(), entry.getKey());
    }
    byte[] prefix = column.currentKey();
    long now = now();
    for (Map.Entry<UK, UV> entry : entries.entrySet()) {
      column.put(
          keyCodec.encodeAfter(prefix, entry.getKey()), valueCodec.encode(entry.getValue(), now));
    }
  }

  @Override
  public void remove(UK key) {
    requireKey(key);
    column.delete(keyCodec.encodeAfter(column.currentKey(), key));
  }

  @Override
  public boolean contains(UK key) {
    return get(key) != null;
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return view((entryKey, entry) -> new WritableEntry(entryKey, entry));
  }

  @Override
  public Iterable<UK> keys() {
    return view((entryKey, entry) -> entry.getKey());
  }

  @Override
  public Iterable<UV> values() {
    return view((entryKey, entry) -> entry.getValue());
  }

  /** With a time-to-live, deletes the expired entries it meets on the way to the first live one. */
  @Override
  public boolean isEmpty() {
    if (policy == null) {
      return !column.anyWithPrefix(column.currentKey());
    }
    return !entries().iterator().hasNext();
  }

  @Override
  public void clear() {
    column.deletePrefix(column.currentKey());
  }

  private long now() {
    return policy == null ? 0 : policy.now();
  }

  /**
   * Whether the stored entry is live at {@code now}: an expired one is deleted, a live one
   * restamped under {@code OnReadAndWrite}.
   */
  private boolean live(byte[] entryKey, Stamped<UV> stored, long now) {
    if (policy == null) {
      return true;
    }
    if (policy.isExpired(stored.timestamp(), now)) {
      column.delete(entryKey);
      return false;
    }
    if (policy.refreshOnRead()) {
      column.put(entryKey, valueCodec.encode(stored.value(), now));
    }
    return true;
  }

  private <T> Iterable<T> view(BiFunction<byte[], Map.Entry<UK, UV>, T> project) {
    byte[] prefix = column.currentKey();
    return () -> new ScanIterator<>(prefix, project);
  }

  private void requireKey(UK key) {
    Objects.requireNonNull(key, () -> "map state '" + column.name() + "' has no null keys");
  }

  private void requireValue(UV value, UK key) {
    if (value == null) {
      throw new NullPointerException(
          "map state '"
              + column.name()
              + "' cannot hold a null value (for map key '"
              + key
              + "'); use remove(key) to drop an entry");
    }
  }

  /**
   * Walks the entries under one key prefix batch by batch, skipping (and deleting) expired ones.
   */
  private final class ScanIterator<T> implements Iterator<T> {
    private final byte[] prefix;
    private final BiFunction<byte[], Map.Entry<UK, UV>, T> project;
    private final long now = now();
    private List<byte[][]> batch = List.of();
    private int index;
    private boolean exhausted;
    private byte[] lastScanned;
    private byte[] nextKey;
    private Map.Entry<UK, UV> next;
    private byte[] lastReturnedKey;

    ScanIterator(byte[] prefix, BiFunction<byte[], Map.Entry<UK, UV>, T> project) {
      this.prefix = prefix;
      this.project = project;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (index == batch.size()) {
          if (exhausted) {
            return false;
          }
          batch = column.scan(prefix, lastScanned, StateColumn.SCAN_BATCH);
          index = 0;
          exhausted = batch.size() < StateColumn.SCAN_BATCH;
          if (batch.isEmpty()) {
            return false;
          }
          lastScanned = batch.get(batch.size() - 1)[0];
        }
        byte[][] raw = batch.get(index++);
        Stamped<UV> stored = valueCodec.decode(raw[1]);
        if (live(raw[0], stored, now)) {
          UK key = keyCodec.decodeValue(raw[0], prefix.length, raw[0].length - prefix.length);
          nextKey = raw[0];
          next = Map.entry(key, stored.value());
        }
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Map.Entry<UK, UV> entry = next;
      lastReturnedKey = nextKey;
      next = null;
      nextKey = null;
      return project.apply(lastReturnedKey, entry);
    }

    @Override
    public void remove() {
      if (lastReturnedKey == null) {
        throw new IllegalStateException("remove() of a map state iterator needs a next() first");
      }
      column.delete(lastReturnedKey);
      lastReturnedKey = null;
    }
  }

  /** An entry whose {@code setValue} writes through, rejecting null like {@link #put}. */
  private final class WritableEntry implements Map.Entry<UK, UV> {
    private final byte[] entryKey;
    private final UK key;
    private UV value;

    WritableEntry(byte[] entryKey, Map.Entry<UK, UV> entry) {
      this.entryKey = entryKey;
      this.key = entry.getKey();
      this.value = entry.getValue();
    }

    @Override
    public UK getKey() {
      return key;
    }

    @Override
    public UV getValue() {
      return value;
    }

    @Override
    public UV setValue(UV newValue) {
      requireValue(newValue, key);
      column.put(entryKey, valueCodec.encode(newValue, now()));
      UV previous = value;
      value = newValue;
      return previous;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Map.Entry<?, ?> that
          && key.equals(that.getKey())
          && value.equals(that.getValue());
    }

    @Override
    public int hashCode() {
      return key.hashCode() ^ value.hashCode();
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }
}
