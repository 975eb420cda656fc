package io.sluice.testkit.harness;

import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.OperatorStateStore;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator state of an operator under test, in memory. A {@linkplain #snapshot() snapshot}
 * serializes every item with its descriptor's serializer, as a checkpoint would, so a restored
 * operator gets copies and never shares objects with the one that took the snapshot. Restoring from
 * several snapshots merges them as a scale-in to one subtask does: split and union lists both get
 * every item, in snapshot order. Confined to the harness thread.
 */
final class HarnessOperatorStateStore implements OperatorStateStore {
  private final Map<String, Registered<?>> states = new LinkedHashMap<>();
  private final Map<String, OperatorStateSnapshot.NamedList> restored = new LinkedHashMap<>();

  HarnessOperatorStateStore(List<OperatorStateSnapshot> snapshots) {
    for (OperatorStateSnapshot snapshot : snapshots) {
      snapshot
          .lists()
          .forEach(
              (name, list) ->
                  restored.merge(
                      name,
                      list,
                      (a, b) -> {
                        if (a.union() != b.union()) {
                          throw new IllegalArgumentException(
                              "operator state '"
                                  + name
                                  + "' is split in one snapshot, union in another");
                        }
                        List<byte[]> items = new ArrayList<>(a.items());
                        items.addAll(b.items());
                        return new OperatorStateSnapshot.NamedList(a.union(), items);
                      }));
    }
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return register(descriptor, false);
  }

  @Override
  public <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) {
    return register(descriptor, true);
  }

  @SuppressWarnings("unchecked")
  private <T> ListState<T> register(ListStateDescriptor<T> descriptor, boolean union) {
    String name = descriptor.getName();
    Registered<?> existing = states.get(name);
    if (existing != null) {
      if (existing.union != union) {
        throw new IllegalStateException(
            "operator state '" + name + "' is registered as " + kind(existing.union) + " already");
      }
      return (ListState<T>) existing.state;
    }
    TypeSerializer<T> serializer = descriptor.getSerializer();
    HarnessListState<T> state = new HarnessListState<>();
    OperatorStateSnapshot.NamedList old = restored.remove(name);
    if (old != null) {
      if (old.union() != union) {
        throw new IllegalStateException(
            "operator state '"
                + name
                + "' was checkpointed as "
                + kind(old.union())
                + " but is registered as "
                + kind(union));
      }
      for (byte[] item : old.items()) {
        state.add(read(serializer, item, name));
      }
    }
    states.put(name, new Registered<>(union, serializer, state));
    return state;
  }

  /** Every registered list's items, serialized, plus restored lists nobody registered again. */
  OperatorStateSnapshot snapshot() {
    Map<String, OperatorStateSnapshot.NamedList> lists = new LinkedHashMap<>(restored);
    states.forEach((name, registered) -> lists.put(name, registered.serialize(name)));
    return new OperatorStateSnapshot(lists);
  }

  private static String kind(boolean union) {
    return union ? "union list state" : "split list state";
  }

  private static <T> T read(TypeSerializer<T> serializer, byte[] bytes, String name) {
    try {
      return serializer.deserialize(new DataInputDeserializer(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read an item of operator state '" + name + "'", e);
    }
  }

  /** A registered list with how it is redistributed and serialized. */
  private record Registered<T>(
      boolean union, TypeSerializer<T> serializer, HarnessListState<T> state) {
    OperatorStateSnapshot.NamedList serialize(String name) {
      List<byte[]> items = new ArrayList<>();
      DataOutputSerializer out = new DataOutputSerializer();
      for (T item : state.get()) {
        out.clear();
        try {
          serializer.serialize(item, out);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "cannot write an item of operator state '" + name + "'", e);
        }
        items.add(out.copyOfBuffer());
      }
      return new OperatorStateSnapshot.NamedList(union, items);
    }
  }
}
