package io.sluice.runtime.state;

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
 * The operator state of one operator subtask: named lists kept as objects while the task runs and
 * written as bytes at each checkpoint ({@link #snapshot()}, on the task thread — operator state is
 * small by design: offsets, splits, pending files). Restored lists stay bytes until the operator
 * registers them with a descriptor, so no serializer is needed to carry a list over.
 *
 * <p>Confined to the task thread.
 */
public final class DefaultOperatorStateStore implements OperatorStateStore {
  private final String owner;
  private final Map<String, RegisteredList<?>> lists = new LinkedHashMap<>();
  private final Map<String, RestoredList> restored;

  /**
   * @param owner the operator subtask, for error messages
   * @param restored what {@link OperatorStateRedistribution} assigned to this subtask (empty on a
   *     fresh start)
   */
  public DefaultOperatorStateStore(String owner, Map<String, RestoredList> restored) {
    this.owner = owner;
    this.restored = new LinkedHashMap<>(restored);
  }

  /** A fresh store without restored state. */
  public static DefaultOperatorStateStore empty(String owner) {
    return new DefaultOperatorStateStore(owner, Map.of());
  }

  /** Whether the subtask got any restored lists. */
  public boolean isRestored() {
    return !restored.isEmpty();
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return register(descriptor, DistributionMode.SPLIT);
  }

  @Override
  public <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) {
    return register(descriptor, DistributionMode.UNION);
  }

  @SuppressWarnings("unchecked")
  private <T> ListState<T> register(ListStateDescriptor<T> descriptor, DistributionMode mode) {
    String name = descriptor.getName();
    RegisteredList<?> existing = lists.get(name);
    if (existing != null) {
      if (existing.mode != mode) {
        throw new IllegalStateException(
            "operator state '"
                + name
                + "' of "
                + owner
                + " is registered as "
                + existing.mode
                + " and cannot also be used as "
                + mode);
      }
      return (ListState<T>) existing;
    }
    RegisteredList<T> list = new RegisteredList<>(mode, descriptor.getSerializer());
    RestoredList bytes = restored.remove(name);
    if (bytes != null) {
      if (bytes.mode() != mode) {
        throw new IllegalStateException(
            "operator state '"
                + name
                + "' of "
                + owner
                + " was checkpointed as "
                + bytes.mode()
                + " but is now registered as "
                + mode
                + "; keep the kind of list or rename the state");
      }
      DataInputDeserializer in = new DataInputDeserializer();
      for (byte[] item : bytes.items()) {
        in.setBuffer(item);
        try {
          list.values.add(list.serializer.deserialize(in));
        } catch (IOException e) {
          throw new UncheckedIOException(
              "operator state '" + name + "' of " + owner + " does not deserialize: " + e, e);
        }
      }
    }
    lists.put(name, list);
    return list;
  }

  /**
   * The current contents as bytes (lists registered now, plus restored lists nobody registered
   * again, so they survive the next checkpoint).
   */
  public Map<String, RestoredList> snapshot() {
    Map<String, RestoredList> out = new LinkedHashMap<>(restored);
    DataOutputSerializer buffer = new DataOutputSerializer(256);
    for (Map.Entry<String, RegisteredList<?>> entry : lists.entrySet()) {
      out.put(entry.getKey(), entry.getValue().toBytes(buffer, entry.getKey(), owner));
    }
    return out;
  }

  /** One registered list: the objects, kept on the task thread. */
  private static final class RegisteredList<T> implements ListState<T> {
    final DistributionMode mode;
    final TypeSerializer<T> serializer;
    final List<T> values = new ArrayList<>();

    RegisteredList(DistributionMode mode, TypeSerializer<T> serializer) {
      this.mode = mode;
      this.serializer = serializer;
    }

    @Override
    public Iterable<T> get() {
      return values;
    }

    @Override
    public void add(T value) {
      values.add(java.util.Objects.requireNonNull(value, "operator state items must not be null"));
    }

    @Override
    public void addAll(List<T> items) {
      items.forEach(this::add);
    }

    @Override
    public void update(List<T> items) {
      values.clear();
      addAll(items);
    }

    @Override
    public void clear() {
      values.clear();
    }

    RestoredList toBytes(DataOutputSerializer buffer, String name, String owner) {
      List<byte[]> items = new ArrayList<>(values.size());
      for (T value : values) {
        buffer.clear();
        try {
          serializer.serialize(value, buffer);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "operator state '" + name + "' of " + owner + " does not serialize: " + e, e);
        }
        items.add(buffer.copyOfBuffer());
      }
      return new RestoredList(mode, items);
    }
  }
}
