package io.sluice.api.windowing.operators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Window contents of {@code process}: every element, in arrival order. */
final class BufferingContents<T> implements WindowContents<T, List<T>, T> {
  private static final long serialVersionUID = 1L;

  @Override
  public List<T> add(List<T> accumulator, T value, long timestamp) {
    List<T> list = mutable(accumulator);
    list.add(value);
    return list;
  }

  @Override
  public List<T> merge(List<T> a, List<T> b) {
    List<T> list = mutable(a);
    list.addAll(b);
    return list;
  }

  @Override
  public Iterable<T> results(List<T> accumulator) {
    return Collections.unmodifiableList(accumulator);
  }

  /** The stored list itself when it can grow (heap state), else a copy. */
  static <E> List<E> mutable(List<E> list) {
    if (list == null) {
      return new ArrayList<>();
    }
    return list instanceof ArrayList<E> arrayList ? arrayList : new ArrayList<>(list);
  }
}
