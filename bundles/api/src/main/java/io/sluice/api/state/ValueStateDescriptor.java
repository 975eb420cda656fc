package io.sluice.api.state;

import io.sluice.api.typeutils.TypeHint;
import io.sluice.api.typeutils.TypeSerializer;

/** Describes a {@link ValueState}: {@code new ValueStateDescriptor<>("count", Long.class)}. */
public final class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {

  public ValueStateDescriptor(String name, Class<T> type) {
    super(name, type);
  }

  public ValueStateDescriptor(String name, TypeHint<T> type) {
    super(name, type.getType());
  }

  public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
    super(name, serializer);
  }

  @Override
  public Kind getKind() {
    return Kind.VALUE;
  }
}
