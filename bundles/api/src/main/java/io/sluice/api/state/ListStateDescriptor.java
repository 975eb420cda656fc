package io.sluice.api.state;

import io.sluice.api.typeutils.TypeHint;
import io.sluice.api.typeutils.TypeSerializer;

/** Describes a {@link ListState}: {@code new ListStateDescriptor<>("count", Long.class)}. */
public final class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {

  public ListStateDescriptor(String name, Class<T> type) {
    super(name, type);
  }

  public ListStateDescriptor(String name, TypeHint<T> type) {
    super(name, type.getType());
  }

  public ListStateDescriptor(String name, TypeSerializer<T> serializer) {
    super(name, serializer);
  }

  @Override
  public Kind getKind() {
    return Kind.LIST;
  }
}
