package io.sluice.api.state;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** A list of values per key; {@link #get()} is empty (never null) when nothing was added. */
@ProviderType
public interface ListState<T> extends AppendingState<T, Iterable<T>> {
  @Override
  Iterable<T> get();

  @Override
  void add(T value);

  void addAll(List<T> values);

  /** Replaces the whole list of the current key. */
  void update(List<T> values);
}
