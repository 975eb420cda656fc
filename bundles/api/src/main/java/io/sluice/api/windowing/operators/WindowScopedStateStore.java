package io.sluice.api.windowing.operators;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.api.typeutils.Types;
import io.sluice.api.windowing.WindowStateStore;
import io.sluice.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per-window state on top of per-key state: each window-scoped state is a keyed {@link MapState}
 * from window to value, so it lives in the state backend (and its snapshots) like any keyed state.
 * The window is read from {@code currentWindow} on every access. Confined to the task thread.
 */
final class WindowScopedStateStore<W extends Window> implements WindowStateStore {
  private final KeyedStateStore keyedState;
  private final TypeSerializer<W> windowSerializer;
  private final String prefix;
  private final Supplier<W> currentWindow;
  private final Map<String, Object> handles = new HashMap<>();

  /**
   * @param prefix set before every state name, so that trigger state, function state and the user's
   *     per-key state never collide
   */
  WindowScopedStateStore(
      KeyedStateStore keyedState,
      TypeSerializer<W> windowSerializer,
      String prefix,
      Supplier<W> currentWindow) {
    this.keyedState = keyedState;
    this.windowSerializer = windowSerializer;
    this.prefix = prefix;
    this.currentWindow = currentWindow;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return (ValueState<T>)
        handles.computeIfAbsent(
            descriptor.getName(),
            name -> new WindowValueState<>(backing(descriptor, descriptor.getSerializer())));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return (ListState<T>)
        handles.computeIfAbsent(
            descriptor.getName(),
            name ->
                new WindowListState<T>(
                    backing(
                        descriptor,
                        TypeSerializers.forType(Types.list(descriptor.getValueType())))));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    return (MapState<K, V>)
        handles.computeIfAbsent(
            descriptor.getName(),
            name ->
                new WindowMapState<K, V>(
                    backing(
                        descriptor,
                        TypeSerializers.forType(
                            Types.map(descriptor.getKeyType(), descriptor.getValueType())))));
  }

  /**
   * Merges the values of {@code descriptor} of {@code sources} into the value of {@code target} and
   * removes theirs.
   */
  <T> void mergeValues(
      ValueStateDescriptor<T> descriptor, W target, Collection<W> sources, ReduceFunction<T> merger)
      throws Exception {
    MapState<W, T> values = backing(descriptor, descriptor.getSerializer());
    T merged = values.get(target);
    for (W source : sources) {
      T value = values.get(source);
      if (value != null) {
        merged = merged == null ? value : merger.reduce(merged, value);
        values.remove(source);
      }
    }
    if (merged != null) {
      values.put(target, merged);
    }
  }

  private <S> MapState<W, S> backing(StateDescriptor<?, ?> descriptor, TypeSerializer<S> values) {
    return keyedState.getMapState(
        new MapStateDescriptor<>(
            prefix + descriptor.getName(), windowSerializer.duplicate(), values));
  }

  /** A value per window. */
  private final class WindowValueState<T> implements ValueState<T> {
    private final MapState<W, T> values;

    WindowValueState(MapState<W, T> values) {
      this.values = values;
    }

    @Override
    public T value() {
      return values.get(currentWindow.get());
    }

    @Override
    public void update(T value) {
      if (value == null) {
        clear();
      } else {
        values.put(currentWindow.get(), value);
      }
    }

    @Override
    public void clear() {
      values.remove(currentWindow.get());
    }
  }

  /** A list per window; every change writes the whole list back. */
  private final class WindowListState<T> implements ListState<T> {
    private final MapState<W, List<T>> lists;

    WindowListState(MapState<W, List<T>> lists) {
      this.lists = lists;
    }

    @Override
    public Iterable<T> get() {
      List<T> list = lists.get(currentWindow.get());
      return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    @Override
    public void add(T value) {
      addAll(List.of(value));
    }

    @Override
    public void addAll(List<T> values) {
      if (values.isEmpty()) {
        return;
      }
      List<T> list = lists.get(currentWindow.get());
      List<T> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
      next.addAll(values);
      lists.put(currentWindow.get(), next);
    }

    @Override
    public void update(List<T> values) {
      if (values.isEmpty()) {
        clear();
      } else {
        lists.put(currentWindow.get(), new ArrayList<>(values));
      }
    }

    @Override
    public void clear() {
      lists.remove(currentWindow.get());
    }
  }

  /** A map per window; every change writes the whole map back, iteration views are read-only. */
  private final class WindowMapState<K, V> implements MapState<K, V> {
    private final MapState<W, Map<K, V>> maps;

    WindowMapState(MapState<W, Map<K, V>> maps) {
      this.maps = maps;
    }

    private Map<K, V> current() {
      Map<K, V> map = maps.get(currentWindow.get());
      return map == null ? Map.of() : map;
    }

    private void write(Map<K, V> map) {
      if (map.isEmpty()) {
        clear();
      } else {
        maps.put(currentWindow.get(), map);
      }
    }

    @Override
    public V get(K key) {
      return current().get(key);
    }

    @Override
    public void put(K key, V value) {
      Map<K, V> next = new HashMap<>(current());
      next.put(key, value);
      write(next);
    }

    @Override
    public void putAll(Map<K, V> entries) {
      Map<K, V> next = new HashMap<>(current());
      next.putAll(entries);
      write(next);
    }

    @Override
    public void remove(K key) {
      Map<K, V> next = new HashMap<>(current());
      next.remove(key);
      write(next);
    }

    @Override
    public boolean contains(K key) {
      return current().containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
      return Collections.unmodifiableMap(current()).entrySet();
    }

    @Override
    public Iterable<K> keys() {
      return Collections.unmodifiableMap(current()).keySet();
    }

    @Override
    public Iterable<V> values() {
      return Collections.unmodifiableMap(current()).values();
    }

    @Override
    public boolean isEmpty() {
      return current().isEmpty();
    }

    @Override
    public void clear() {
      maps.remove(currentWindow.get());
    }
  }
}
