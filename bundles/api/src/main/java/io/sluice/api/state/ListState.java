package io.sluice.api.state;

import java.util.List;

/** A list of values per key; {@link #get()} is empty (never null) when nothing was added. */
public interface ListState<T> extends State {
  Iterable<T> get();

  void add(T value);

  void addAll(List<T> values);

  /** Replaces the whole list of the current key. */
  void update(List<T> values);
}
