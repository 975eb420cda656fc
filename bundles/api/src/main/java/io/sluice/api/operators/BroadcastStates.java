package io.sluice.api.operators;

import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReadOnlyBroadcastState;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The broadcast state of one broadcast operator in one subtask: a map per descriptor declared in
 * {@code broadcast(...)}, held on the heap. Asking for an undeclared descriptor, or a declared one
 * with other types, is an error that names the declared ones. Confined to the task thread.
 */
final class BroadcastStates {
  private final Map<String, MapBroadcastState<?, ?>> states = new HashMap<>();
  private final String operatorDescription;

  BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors, String operatorDescription) {
    this.operatorDescription = operatorDescription;
    for (MapStateDescriptor<?, ?> descriptor : descriptors) {
      states.put(descriptor.getName(), new MapBroadcastState<>(descriptor));
    }
  }

  @SuppressWarnings("unchecked")
  <K, V> BroadcastState<K, V> writable(MapStateDescriptor<K, V> descriptor) {
    MapBroadcastState<?, ?> state = states.get(descriptor.getName());
    if (state == null) {
      throw new IllegalArgumentException(
          "Broadcast state '"
              + descriptor.getName()
              + "' was not declared in broadcast(...) of the stream connected to "
              + operatorDescription
              + "; declared: "
              + states.keySet());
    }
    if (!state.declaredAs.getKeyType().equals(descriptor.getKeyType())
        || !state.declaredAs.getValueType().equals(descriptor.getValueType())) {
      throw new IllegalArgumentException(
          "Broadcast state '"
              + descriptor.getName()
              + "' was declared as "
              + state.declaredAs
              + " (key "
              + state.declaredAs.getKeyType().getTypeName()
              + ") but asked for as "
              + descriptor
              + " (key "
              + descriptor.getKeyType().getTypeName()
              + ") in "
              + operatorDescription);
    }
    return (BroadcastState<K, V>) state;
  }

  <K, V> ReadOnlyBroadcastState<K, V> readOnly(MapStateDescriptor<K, V> descriptor) {
    return new ReadOnlyView<>(writable(descriptor));
  }

  /** One broadcast state: a plain map (values are held as given, not copied). */
  private static final class MapBroadcastState<K, V> implements BroadcastState<K, V> {
    final MapStateDescriptor<?, ?> declaredAs;
    private final Map<K, V> map = new HashMap<>();

    MapBroadcastState(MapStateDescriptor<?, ?> declaredAs) {
      this.declaredAs = declaredAs;
    }

    @Override
    public V get(K key) {
      return map.get(key);
    }

    @Override
    public boolean contains(K key) {
      return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
      return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void put(K key, V value) {
      map.put(requireKey(key), requireValue(key, value));
    }

    @Override
    public void putAll(Map<K, V> entries) {
      entries.forEach((key, value) -> requireValue(requireKey(key), value));
      map.putAll(entries);
    }

    @Override
    public void remove(K key) {
      map.remove(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
      return map.entrySet();
    }

    @Override
    public void clear() {
      map.clear();
    }

    private K requireKey(K key) {
      return Objects.requireNonNull(
          key, () -> "broadcast state '" + declaredAs.getName() + "' has no null keys");
    }

    private V requireValue(K key, V value) {
      return Objects.requireNonNull(
          value,
          () ->
              "broadcast state '"
                  + declaredAs.getName()
                  + "' cannot hold a null value (for key '"
                  + key
                  + "'); use remove(key)");
    }
  }

  /** What the non-broadcast side gets: reads only, even through a cast. */
  private static final class ReadOnlyView<K, V> implements ReadOnlyBroadcastState<K, V> {
    private final BroadcastState<K, V> state;

    ReadOnlyView(BroadcastState<K, V> state) {
      this.state = state;
    }

    @Override
    public V get(K key) throws Exception {
      return state.get(key);
    }

    @Override
    public boolean contains(K key) throws Exception {
      return state.contains(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
      return state.immutableEntries();
    }
  }
}
