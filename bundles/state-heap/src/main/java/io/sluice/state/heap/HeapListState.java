package io.sluice.state.heap;

import io.sluice.api.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ListState} holding an {@link ArrayList} per key. {@link #get()} is a read-only view of
 * that list; an empty list is never stored. Null elements are rejected, since no snapshot format
 * could tell them apart from a missing element.
 */
final class HeapListState<K, V> implements ListState<V> {
  private final StateTable<K, List<V>> table;

  HeapListState(StateTable<K, List<V>> table) {
    this.table = table;
  }

  @Override
  public Iterable<V> get() {
    List<V> list = table.get();
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  @Override
  public void add(V value) {
    requireElement(value, -1);
    List<V> list = table.get();
    if (list == null) {
      list = new ArrayList<>();
      table.put(list);
    }
    list.add(value);
  }

  /** Adds all of {@code values}, or none of them if one is null. */
  @Override
  public void addAll(List<V> values) {
    requireElements(values);
    if (values.isEmpty()) {
      return;
    }
    List<V> list = table.get();
    if (list == null) {
      table.put(new ArrayList<>(values));
    } else {
      list.addAll(values);
    }
  }

  /** Replaces the list of the current key with a copy of {@code values}; empty clears. */
  @Override
  public void update(List<V> values) {
    requireElements(values);
    if (values.isEmpty()) {
      table.remove();
    } else {
      table.put(new ArrayList<>(values));
    }
  }

  @Override
  public void clear() {
    table.remove();
  }

  private void requireElements(List<V> values) {
    Objects.requireNonNull(values, () -> "list state '" + name() + "' was given a null list");
    for (int i = 0; i < values.size(); i++) {
      requireElement(values.get(i), i);
    }
  }

  private void requireElement(V value, int index) {
    if (value == null) {
      throw new NullPointerException(
          "list state '"
              + name()
              + "' cannot hold null elements"
              + (index < 0 ? "" : " (null at index " + index + " of the given list)"));
    }
  }

  private String name() {
    return table.metaInfo().name();
  }
}
