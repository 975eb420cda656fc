package io.sluice.state.heap;

import io.sluice.api.state.MapState;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link MapState} holding a {@link HashMap} per key. Null map keys and values are rejected (use
 * {@link #remove}); an empty map is never stored, including after the last entry is removed through
 * an iterator.
 *
 * <p>The iterables read the map of the key that is current when they are created; their iterators
 * support {@code remove()} and the entries {@code setValue()}, and must not outlive the record
 * being processed.
 */
final class HeapMapState<K, UK, UV> implements MapState<UK, UV> {
  private final StateTable<K, Map<UK, UV>> table;

  HeapMapState(StateTable<K, Map<UK, UV>> table) {
    this.table = table;
  }

  @Override
  public UV get(UK key) {
    requireKey(key);
    Map<UK, UV> map = table.get();
    return map == null ? null : map.get(key);
  }

  @Override
  public void put(UK key, UV value) {
    requireKey(key);
    requireValue(value, key);
    Map<UK, UV> map = table.get();
    if (map == null) {
      map = new HashMap<>();
      table.put(map);
    }
    map.put(key, value);
  }

  /** Puts all of {@code entries}, or none of them if a key or value is null. */
  @Override
  public void putAll(Map<UK, UV> entries) {
    Objects.requireNonNull(entries, () -> "map state '" + name() + "' was given a null map");
    for (Map.Entry<UK, UV> entry : entries.entrySet()) {
      requireKey(entry.getKey());
      requireValue(entry.getValue(), entry.getKey());
    }
    if (entries.isEmpty()) {
      return;
    }
    Map<UK, UV> map = table.get();
    if (map == null) {
      table.put(new HashMap<>(entries));
    } else {
      map.putAll(entries);
    }
  }

  @Override
  public void remove(UK key) {
    requireKey(key);
    Map<UK, UV> map = table.get();
    if (map != null && map.remove(key) != null && map.isEmpty()) {
      table.remove();
    }
  }

  @Override
  public boolean contains(UK key) {
    requireKey(key);
    Map<UK, UV> map = table.get();
    return map != null && map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return view(map -> new CheckedEntryIterator(map.entrySet().iterator()));
  }

  @Override
  public Iterable<UK> keys() {
    return view(map -> map.keySet().iterator());
  }

  @Override
  public Iterable<UV> values() {
    return view(map -> map.values().iterator());
  }

  @Override
  public boolean isEmpty() {
    return table.get() == null;
  }

  @Override
  public void clear() {
    table.remove();
  }

  private <T> Iterable<T> view(Function<Map<UK, UV>, Iterator<T>> iteratorOf) {
    Map<UK, UV> map = table.get();
    if (map == null) {
      return List.of();
    }
    return () -> new RemovingIterator<>(map, iteratorOf.apply(map));
  }

  private void requireKey(UK key) {
    Objects.requireNonNull(key, () -> "map state '" + name() + "' has no null keys");
  }

  private void requireValue(UV value, UK key) {
    if (value == null) {
      throw new NullPointerException(
          "map state '"
              + name()
              + "' cannot hold a null value (for map key '"
              + key
              + "'); use remove(key) to drop an entry");
    }
  }

  private String name() {
    return table.metaInfo().name();
  }

  /** Drops the current key's entry from the table when the last map entry is removed. */
  private final class RemovingIterator<T> implements Iterator<T> {
    private final Map<UK, UV> map;
    private final Iterator<T> delegate;

    RemovingIterator(Map<UK, UV> map, Iterator<T> delegate) {
      this.map = map;
      this.delegate = delegate;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public T next() {
      return delegate.next();
    }

    @Override
    public void remove() {
      delegate.remove();
      if (map.isEmpty()) {
        table.removeIfSame(map);
      }
    }
  }

  /** Hands out entries whose {@code setValue} rejects null like {@link #put} does. */
  private final class CheckedEntryIterator implements Iterator<Map.Entry<UK, UV>> {
    private final Iterator<Map.Entry<UK, UV>> delegate;

    CheckedEntryIterator(Iterator<Map.Entry<UK, UV>> delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public Map.Entry<UK, UV> next() {
      return new CheckedEntry(delegate.next());
    }

    @Override
    public void remove() {
      delegate.remove();
    }
  }

  private final class CheckedEntry implements Map.Entry<UK, UV> {
    private final Map.Entry<UK, UV> delegate;

    CheckedEntry(Map.Entry<UK, UV> delegate) {
      this.delegate = delegate;
    }

    @Override
    public UK getKey() {
      return delegate.getKey();
    }

    @Override
    public UV getValue() {
      return delegate.getValue();
    }

    @Override
    public UV setValue(UV value) {
      requireValue(value, delegate.getKey());
      return delegate.setValue(value);
    }

    @Override
    public boolean equals(Object other) {
      return delegate.equals(other);
    }

    @Override
    public int hashCode() {
      return delegate.hashCode();
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
