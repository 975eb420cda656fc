package io.sluice.api.state;

import io.sluice.api.typeutils.TypeHint;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Describes a {@link MapState}: {@code new MapStateDescriptor<>("seen", String.class, Long.class)}.
 */
public final class MapStateDescriptor<K, V> extends StateDescriptor<MapState<K, V>, V> {
  private final Type keyType;
  private TypeSerializer<K> keySerializer;

  public MapStateDescriptor(String name, Class<K> keyType, Class<V> valueType) {
    super(name, valueType);
    this.keyType = Objects.requireNonNull(keyType, "map key type");
  }

  public MapStateDescriptor(String name, TypeHint<K> keyType, TypeHint<V> valueType) {
    super(name, valueType.getType());
    this.keyType = keyType.getType();
  }

  public MapStateDescriptor(
      String name, TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
    super(name, valueSerializer);
    this.keySerializer = Objects.requireNonNull(keySerializer, "map key serializer");
    this.keyType = keySerializer.type();
  }

  public Type getKeyType() {
    return keyType;
  }

  /** The serializer of the map keys, derived from the key type on first use. */
  public TypeSerializer<K> getKeySerializer() {
    if (keySerializer == null) {
      keySerializer = TypeSerializers.forType(keyType);
    }
    return keySerializer;
  }

  @Override
  public Kind getKind() {
    return Kind.MAP;
  }
}
