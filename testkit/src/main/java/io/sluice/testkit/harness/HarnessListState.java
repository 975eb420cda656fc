package io.sluice.testkit.harness;

import io.sluice.api.state.ListState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An operator list state in memory; confined to the harness thread. */
final class HarnessListState<T> implements ListState<T> {
  private final List<T> items = new ArrayList<>();

  @Override
  public Iterable<T> get() {
    return List.copyOf(items);
  }

  @Override
  public void add(T value) {
    items.add(Objects.requireNonNull(value, "operator list state items must not be null"));
  }

  @Override
  public void addAll(List<T> values) {
    values.forEach(this::add);
  }

  @Override
  public void update(List<T> values) {
    items.clear();
    addAll(values);
  }

  @Override
  public void clear() {
    items.clear();
  }
}
