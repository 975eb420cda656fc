package io.sluice.state.heap;

import io.sluice.api.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ListState} with a time-to-live per element, decorating a plain heap list of {@link
 * TtlValue}s: each element expires on its own, {@code ttl} after it was added (or last read, under
 * {@code OnReadAndWrite}, where a read restamps every element it returns).
 *
 * <p>{@link #get()} returns a copy of the live elements and writes the list back without the
 * expired ones, so expired elements are dropped whenever the list is read. Null checks and their
 * messages are the plain list's: a null element reaches it unwrapped.
 */
final class TtlListState<V> implements ListState<V> {
  private final ListState<TtlValue<V>> stored;
  private final TtlPolicy policy;

  TtlListState(ListState<TtlValue<V>> stored, TtlPolicy policy) {
    this.stored = stored;
    this.policy = policy;
  }

  @Override
  public Iterable<V> get() {
    long now = policy.now();
    List<TtlValue<V>> live = new ArrayList<>();
    boolean expiredSeen = false;
    for (TtlValue<V> element : stored.get()) {
      if (policy.isExpired(element, now)) {
        expiredSeen = true;
      } else {
        live.add(policy.refreshOnRead() ? policy.stamp(element.value(), now) : element);
      }
    }
    if (expiredSeen || (policy.refreshOnRead() && !live.isEmpty())) {
      stored.update(live);
    }
    List<V> values = new ArrayList<>(live.size());
    for (TtlValue<V> element : live) {
      values.add(element.value());
    }
    return Collections.unmodifiableList(values);
  }

  @Override
  public void add(V value) {
    stored.add(value == null ? null : policy.stamp(value, policy.now()));
  }

  @Override
  public void addAll(List<V> values) {
    stored.addAll(stampAll(values));
  }

  @Override
  public void update(List<V> values) {
    stored.update(stampAll(values));
  }

  @Override
  public void clear() {
    stored.clear();
  }

  /** Stamps each element, keeping nulls (and a null list) for the plain list to reject. */
  private List<TtlValue<V>> stampAll(List<V> values) {
    if (values == null) {
      return null;
    }
    long now = policy.now();
    List<TtlValue<V>> stamped = new ArrayList<>(values.size());
    for (V value : values) {
      stamped.add(value == null ? null : policy.stamp(value, now));
    }
    return stamped;
  }
}
