package io.sluice.state.heap;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.State;
import io.sluice.api.state.StateAccessException;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.state.CurrentKeyContext;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.spi.state.KeyedStateHandle;
import io.sluice.spi.state.KeyedStateSnapshot;
import io.sluice.spi.state.SnapshotKind;
import io.sluice.spi.state.SnapshotStateInfo;
import io.sluice.spi.state.StateStreamOpener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The keyed state of one operator subtask, kept as Java objects: each registered state is a {@link
 * StateTable} with one hash table per key group of the subtask's range. Values are the references
 * the functions handed over (no copies, no serialization), as in Flink's heap backend, so a
 * function must not mutate an object after storing it unless it means to change the state.
 *
 * <p>A state whose descriptor enables time-to-live stores each value, list element or map entry as
 * a {@link TtlValue} with a timestamp and is served by a TTL layer ({@link TtlValueCell}, {@link
 * TtlListState}, {@link TtlMapState}) that hides expired values and removes them when they are
 * touched; there is no background cleanup. States without time-to-live store the bare objects and
 * never read a clock.
 *
 * <p>The key group of a key is computed once, in {@link #setCurrentKey}, which also rejects keys
 * outside the range: such a key means records were partitioned differently from the state.
 *
 * <p>Snapshots ({@link #snapshot}) are always in the canonical format: the task thread copies the
 * tables (not the stored objects) and the copy is serialized later with the descriptors'
 * serializers, which the heap otherwise never uses. A {@link #restore} keeps the restored bytes per
 * state until the operator registers the state again, and deserializes them then.
 *
 * <p>Confined to the task thread that owns the operator; not thread-safe (except the snapshot views
 * it hands out, see {@link HeapSnapshot}).
 *
 * @param <K> the type of the keys
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {

  private final CurrentKeyContext<K> keyContext;
  private final TypeSerializer<K> keySerializer;
  private final Map<String, RegisteredState<K>> states = new LinkedHashMap<>();
  private final RestoredSections restored;

  public HeapKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
    this.keyContext = new CurrentKeyContext<>(parameters);
    this.keySerializer = parameters.keySerializer();
    this.restored = new RestoredSections(keyContext.keyGroupRange(), keyContext.owner());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Always canonical. Copies the tables on this (the task) thread; the descriptors' serializers
   * are derived here if they were not yet, so a state whose type has no serializer fails here.
   */
  @Override
  public KeyedStateSnapshot snapshot(long checkpointId, SnapshotKind kind) {
    keyContext.checkOpen();
    List<HeapSnapshot.CopiedState<K>> copied = new ArrayList<>(states.size());
    for (RegisteredState<K> state : states.values()) {
      copied.add(
          new HeapSnapshot.CopiedState<>(
              codec(state.descriptor()), state.table().copyForSnapshot()));
    }
    return new HeapSnapshot<>(keyContext.keyGroupRange(), copied, restored.pending());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads only the canonical format; the bytes of each state wait until it is registered again.
   */
  @Override
  public void restore(List<KeyedStateHandle> handles, StateStreamOpener opener) throws IOException {
    keyContext.checkOpen();
    if (!states.isEmpty()) {
      throw new IllegalStateException(
          "keyed state of "
              + keyContext.owner()
              + " must be restored before states are registered");
    }
    restored.read(handles, opener);
  }

  @Override
  public void setCurrentKey(K key) {
    keyContext.setCurrentKey(key);
  }

  @Override
  public K getCurrentKey() {
    return keyContext.currentKey();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException before the first {@link #setCurrentKey}
   */
  @Override
  public int getCurrentKeyGroup() {
    return keyContext.currentKeyGroup();
  }

  @Override
  public KeyGroupRange getKeyGroupRange() {
    return keyContext.keyGroupRange();
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return handle(
        descriptor,
        (StateTable<K, T> table) -> new HeapValueState<>(table),
        (StateTable<K, TtlValue<T>> table, TtlPolicy ttl) ->
            new HeapValueState<>(new TtlValueCell<>(table, ttl)));
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return handle(
        descriptor,
        (StateTable<K, List<T>> table) -> new HeapListState<>(table),
        (StateTable<K, List<TtlValue<T>>> table, TtlPolicy ttl) ->
            new TtlListState<>(new HeapListState<>(table), ttl));
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return handle(
        descriptor,
        (StateTable<K, Map<UK, UV>> table) -> new HeapMapState<>(table),
        (StateTable<K, Map<UK, TtlValue<UV>>> table, TtlPolicy ttl) ->
            new TtlMapState<>(new HeapMapState<>(table), ttl));
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return handle(
        descriptor,
        (StateTable<K, T> table) -> new HeapReducingState<>(table, descriptor.getReduceFunction()),
        (StateTable<K, TtlValue<T>> table, TtlPolicy ttl) ->
            new HeapReducingState<>(
                new TtlValueCell<>(table, ttl), descriptor.getReduceFunction()));
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return handle(
        descriptor,
        (StateTable<K, ACC> table) ->
            new HeapAggregatingState<>(table, descriptor.getAggregateFunction()),
        (StateTable<K, TtlValue<ACC>> table, TtlPolicy ttl) ->
            new HeapAggregatingState<>(
                new TtlValueCell<>(table, ttl), descriptor.getAggregateFunction()));
  }

  /**
   * The number of keys that hold state {@code stateName}, over all key groups; with time-to-live,
   * keys whose values expired but were not touched since still count.
   *
   * @throws IllegalArgumentException if no state of that name was registered
   */
  public int numberOfEntries(String stateName) {
    return registered(stateName).table().numberOfEntries();
  }

  /**
   * The keys that hold state {@code stateName}, key group by key group in ascending group order;
   * read-only, and invalid once the state is modified.
   *
   * @throws IllegalArgumentException if no state of that name was registered
   */
  public Iterable<K> keys(String stateName) {
    return registered(stateName).table().keys();
  }

  /** Drops all state; idempotent. Handles obtained before fail from now on. */
  @Override
  public void close() {
    keyContext.close();
    for (RegisteredState<K> state : states.values()) {
      state.table().dispose();
    }
    states.clear();
    restored.clear();
  }

  @Override
  public String toString() {
    return "HeapKeyedStateBackend{" + keyContext.owner() + ", states=" + states.keySet() + "}";
  }

  /**
   * The handle registered under the descriptor's name, created on first use by {@code plain} or, if
   * the descriptor enables time-to-live, by {@code withTtl}. One name has one handle and one meta
   * info for the backend's lifetime.
   */
  @SuppressWarnings("unchecked")
  private <H extends State, S, T> H handle(
      StateDescriptor<?, ?> descriptor,
      Function<StateTable<K, S>, H> plain,
      BiFunction<StateTable<K, T>, TtlPolicy, H> withTtl) {
    keyContext.checkOpen();
    StateMetaInfo metaInfo = StateMetaInfo.of(descriptor);
    RegisteredState<K> existing = states.get(metaInfo.name());
    if (existing != null) {
      if (!existing.table().metaInfo().equals(metaInfo)) {
        throw new IllegalStateException(
            "state '"
                + metaInfo.name()
                + "' of "
                + keyContext.owner()
                + " is already registered as "
                + existing.table().metaInfo().describe()
                + " and cannot also be used as "
                + metaInfo.describe()
                + "; give the new state a different name");
      }
      // The meta info matched, so the handle was created for the same kind and types.
      return (H) existing.handle();
    }
    TtlPolicy ttl = TtlPolicy.of(metaInfo.ttlConfig());
    StateTable<K, ?> table;
    H handle;
    if (ttl == null) {
      StateTable<K, S> plainTable = new StateTable<>(metaInfo, keyContext);
      table = plainTable;
      handle = plain.apply(plainTable);
    } else {
      StateTable<K, T> ttlTable = new StateTable<>(metaInfo, keyContext);
      table = ttlTable;
      handle = withTtl.apply(ttlTable, ttl);
    }
    RestoredSections.RestoredState restoredState = restored.get(metaInfo.name());
    if (restoredState != null) {
      load(restoredState, descriptor, table); // on failure the restored bytes stay pending
      restored.remove(metaInfo.name());
    }
    states.put(metaInfo.name(), new RegisteredState<>(table, handle, descriptor));
    return handle;
  }

  /** Deserializes a restored state into its new table, now that its serializers are known. */
  private void load(
      RestoredSections.RestoredState restoredState,
      StateDescriptor<?, ?> descriptor,
      StateTable<K, ?> table) {
    HeapSectionCodec<K> codec = codec(descriptor);
    restoredState.info().checkCompatible(codec.info(), keyContext.owner());
    for (Map.Entry<Integer, RestoredSections.Section> section :
        restoredState.sections().entrySet()) {
      try {
        int keyGroup = section.getKey();
        codec.read(
            section.getValue().bytes(), (key, stored) -> table.putRestored(keyGroup, key, stored));
      } catch (IOException | RuntimeException e) {
        throw new StateAccessException(
            "cannot deserialize the restored state '"
                + descriptor.getName()
                + "' of "
                + keyContext.owner()
                + " (key group "
                + section.getKey()
                + ") with the serializers of "
                + descriptor
                + "; was it written with other types?",
            e);
      }
    }
  }

  private HeapSectionCodec<K> codec(StateDescriptor<?, ?> descriptor) {
    TypeSerializer<?> mapKeySerializer =
        descriptor instanceof MapStateDescriptor<?, ?> map ? map.getKeySerializer() : null;
    return new HeapSectionCodec<>(
        SnapshotStateInfo.of(descriptor),
        keySerializer,
        descriptor.getSerializer(),
        mapKeySerializer);
  }

  private RegisteredState<K> registered(String stateName) {
    keyContext.checkOpen();
    RegisteredState<K> state = states.get(stateName);
    if (state == null) {
      throw new IllegalArgumentException(
          "no state named '"
              + stateName
              + "' in "
              + keyContext.owner()
              + "; registered: "
              + states.keySet());
    }
    return state;
  }

  /**
   * A registered state: its contents, the one handle the functions use and the descriptor of its
   * first registration (whose serializers write snapshots).
   */
  private record RegisteredState<K>(
      StateTable<K, ?> table, State handle, StateDescriptor<?, ?> descriptor) {}
}
