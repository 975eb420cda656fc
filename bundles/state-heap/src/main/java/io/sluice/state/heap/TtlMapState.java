package io.sluice.state.heap;

import io.sluice.api.state.MapState;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link MapState} with a time-to-live per entry, decorating a plain heap map of {@link
 * TtlValue}s: each entry expires on its own, {@code ttl} after it was put (or last read, under
 * {@code OnReadAndWrite}).
 *
 * <p>An expired entry reads as absent and is removed when it is looked up or iterated over; an
 * iteration restamps, under {@code OnReadAndWrite}, each entry it returns. Iterators skip expired
 * entries by looking ahead, so their {@code remove()} works only right after {@code next()} (not
 * after a {@code hasNext()} that followed it). Null checks and their messages are the plain map's.
 */
final class TtlMapState<UK, UV> implements MapState<UK, UV> {
  private final MapState<UK, TtlValue<UV>> stored;
  private final TtlPolicy policy;

  TtlMapState(MapState<UK, TtlValue<UV>> stored, TtlPolicy policy) {
    this.stored = stored;
    this.policy = policy;
  }

  @Override
  public UV get(UK key) {
    TtlValue<UV> live = liveEntry(key);
    return live == null ? null : live.value();
  }

  @Override
  public void put(UK key, UV value) {
    stored.put(key, value == null ? null : policy.stamp(value, policy.now()));
  }

  @Override
  public void putAll(Map<UK, UV> entries) {
    if (entries == null) {
      stored.putAll(null);
      return;
    }
    long now = policy.now();
    Map<UK, TtlValue<UV>> stamped = new HashMap<>();
    for (Map.Entry<UK, UV> entry : entries.entrySet()) {
      UV value = entry.getValue();
      stamped.put(entry.getKey(), value == null ? null : policy.stamp(value, now));
    }
    stored.putAll(stamped);
  }

  @Override
  public void remove(UK key) {
    stored.remove(key);
  }

  @Override
  public boolean contains(UK key) {
    return liveEntry(key) != null;
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return view(entry -> entry);
  }

  @Override
  public Iterable<UK> keys() {
    return view(Map.Entry::getKey);
  }

  @Override
  public Iterable<UV> values() {
    return view(Map.Entry::getValue);
  }

  /** Removes the expired entries it meets on the way to the first live one. */
  @Override
  public boolean isEmpty() {
    return !entries().iterator().hasNext();
  }

  @Override
  public void clear() {
    stored.clear();
  }

  /** The entry of {@code key} if it is live, restamped under {@code OnReadAndWrite}; else null. */
  private TtlValue<UV> liveEntry(UK key) {
    TtlValue<UV> entry = stored.get(key);
    if (entry == null) {
      return null;
    }
    long now = policy.now();
    if (policy.isExpired(entry, now)) {
      stored.remove(key);
      return null;
    }
    if (policy.refreshOnRead()) {
      entry = policy.stamp(entry.value(), now);
      stored.put(key, entry);
    }
    return entry;
  }

  /** Like the plain map's views, reads the map of the key current when the view is created. */
  private <T> Iterable<T> view(Function<Map.Entry<UK, UV>, T> project) {
    Iterable<Map.Entry<UK, TtlValue<UV>>> raw = stored.entries();
    return () -> new LiveIterator<>(raw.iterator(), project);
  }

  /** Walks the stored entries, removing expired ones and handing out the live ones. */
  private final class LiveIterator<T> implements Iterator<T> {
    private final Iterator<Map.Entry<UK, TtlValue<UV>>> delegate;
    private final Function<Map.Entry<UK, UV>, T> project;
    private final long now = policy.now();
    private Map.Entry<UK, UV> next;
    private boolean removable;

    LiveIterator(
        Iterator<Map.Entry<UK, TtlValue<UV>>> delegate, Function<Map.Entry<UK, UV>, T> project) {
      this.delegate = delegate;
      this.project = project;
    }

    @Override
    public boolean hasNext() {
      while (next == null && delegate.hasNext()) {
        removable = false;
        Map.Entry<UK, TtlValue<UV>> entry = delegate.next();
        if (policy.isExpired(entry.getValue(), now)) {
          delegate.remove();
        } else {
          if (policy.refreshOnRead()) {
            entry.setValue(policy.stamp(entry.getValue().value(), now));
          }
          next = new LiveEntry(entry);
        }
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Map.Entry<UK, UV> result = next;
      next = null;
      removable = true;
      return project.apply(result);
    }

    @Override
    public void remove() {
      if (!removable) {
        throw new IllegalStateException(
            "remove() of a map state iterator with time-to-live works only right after next(),"
                + " not before it nor after a hasNext() that followed it");
      }
      removable = false;
      delegate.remove();
    }
  }

  /** A live entry; {@code setValue} writes through, stamped with the current time. */
  private final class LiveEntry implements Map.Entry<UK, UV> {
    private final Map.Entry<UK, TtlValue<UV>> entry;

    LiveEntry(Map.Entry<UK, TtlValue<UV>> entry) {
      this.entry = entry;
    }

    @Override
    public UK getKey() {
      return entry.getKey();
    }

    @Override
    public UV getValue() {
      return entry.getValue().value();
    }

    @Override
    public UV setValue(UV value) {
      TtlValue<UV> previous =
          entry.setValue(value == null ? null : policy.stamp(value, policy.now()));
      return previous.value();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Map.Entry<?, ?> that
          && Objects.equals(getKey(), that.getKey())
          && Objects.equals(getValue(), that.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
