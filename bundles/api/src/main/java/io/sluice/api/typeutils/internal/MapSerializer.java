package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Maps: size, then key and value of each entry (either may be null) in iteration order. Reads back
 * into the map class chosen for the declared type (see {@link CollectionFactories}).
 */
public final class MapSerializer<K, V, M extends Map<K, V>> extends BaseSerializer<M> {
  private final IntFunction<M> factory;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<V> valueSerializer;

  public MapSerializer(
      Type type,
      IntFunction<M> factory,
      TypeSerializer<K> keySerializer,
      TypeSerializer<V> valueSerializer) {
    super(type);
    this.factory = factory;
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
  }

  @Override
  public void serialize(M value, DataOutputView out) throws IOException {
    int size = value.size();
    out.writeVarInt(size);
    int written = 0;
    for (Map.Entry<K, V> entry : value.entrySet()) {
      keySerializer.serialize(entry.getKey(), out);
      valueSerializer.serialize(entry.getValue(), out);
      written++;
    }
    if (written != size) {
      throw new IOException(
          "a " + value.getClass().getName() + " changed size while it was being serialized");
    }
  }

  @Override
  public M deserialize(DataInputView in) throws IOException {
    int size = Lengths.read(in, 2);
    M map = factory.apply(Math.min(size, Lengths.MAX_PREALLOCATED));
    for (int i = 0; i < size; i++) {
      K key = keySerializer.deserialize(in);
      map.put(key, valueSerializer.deserialize(in));
    }
    return map;
  }

  @Override
  public M copy(M value) {
    M copy = factory.apply(value.size());
    for (Map.Entry<K, V> entry : value.entrySet()) {
      copy.put(keySerializer.copy(entry.getKey()), valueSerializer.copy(entry.getValue()));
    }
    return copy;
  }

  @Override
  public boolean isImmutable() {
    return false;
  }
}
